namespace Sensu.Store;

/// <summary>Names and public descriptions of <see cref="StoreCondition"/>: no file names, no driver text.</summary>
public static class StoreConditions
{
    /// <summary>A stable snake_case name, e.g. <c>disk_full</c>.</summary>
    public static string Name(StoreCondition condition) => condition switch
    {
        StoreCondition.DiskFull => "disk_full",
        StoreCondition.ReadOnly => "read_only",
        StoreCondition.Busy => "busy",
        StoreCondition.IoError => "io_error",
        _ => "unavailable",
    };

    /// <summary>One sentence for clients: what is wrong, never where.</summary>
    public static string Describe(StoreCondition condition) => condition switch
    {
        StoreCondition.DiskFull => "store unavailable (disk_full): the disk holding the store is full; writes are refused until space is freed",
        StoreCondition.ReadOnly => "store unavailable (read_only): the store cannot be written; writes are refused until it is writable again",
        StoreCondition.Busy => "store unavailable (busy): the store stayed locked beyond the timeout; retry later",
        StoreCondition.IoError => "store unavailable (io_error): the operating system failed a read or write of the store",
        _ => "store unavailable: the store cannot be used at the moment",
    };
}
