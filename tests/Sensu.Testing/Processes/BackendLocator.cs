namespace Sensu.Testing.Processes;

/// <summary>Finds <c>sensu-backend.dll</c> (<c>SENSU_BACKEND_DLL</c>, else the backend's build output): <see cref="ProgramLocator"/>.</summary>
public static class BackendLocator
{
    public const string FileName = "sensu-backend.dll";

    public static string Find() => ProgramLocator.Find(FileName, "Sensu.Backend", "SENSU_BACKEND_DLL");
}
