namespace Sensu.Store;

public enum ChangeKind
{
    Put,
    Delete,
}
