namespace Sensu.Backend.Authentication;

/// <summary>The bcrypt comparison itself (a seam: tests count calls instead of timing them).</summary>
public interface IPasswordVerifier
{
    bool Verify(string password, string hash);
}
