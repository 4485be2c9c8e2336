namespace Sensu.Store;

/// <summary>
/// The order every provider lists in: key parts compared one after the other by Unicode code point
/// (the order of their UTF-8 bytes, which is SQLite's BINARY collation). <see cref="string.CompareOrdinal(string, string)"/>
/// compares UTF-16 code units and differs for characters above U+FFFF, hence this comparer.
/// </summary>
public static class StoreKeyOrder
{
    public static int Compare(EventKey a, EventKey b)
    {
        var c = CompareText(a.Namespace, b.Namespace);
        if (c != 0)
            return c;
        c = CompareText(a.Entity, b.Entity);
        return c != 0 ? c : CompareText(a.Check, b.Check);
    }

    public static int Compare(ResourceKey a, ResourceKey b)
    {
        var c = CompareText(a.Namespace, b.Namespace);
        return c != 0 ? c : CompareText(a.Name, b.Name);
    }

    public static int CompareText(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
                return hasLeft ? 1 : hasRight ? -1 : 0;
            var c = left.Current.Value.CompareTo(right.Current.Value);
            if (c != 0)
                return c;
        }
    }
}
