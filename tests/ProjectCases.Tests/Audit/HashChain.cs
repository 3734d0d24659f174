using ProjectCases.Audit.Sealing;

namespace ProjectCases.Tests.Audit;

public class HashChain
{
    private static readonly Guid Stream = Guid.Parse("0b7e1f1a-3c1d-4e2f-9a8b-1c2d3e4f5a6b");

    [Fact]
    public void key_order_whitespace_and_escaping_do_not_change_the_hash()
    {
        var a = EventChain.Hash("", "touchpoint_logged", Stream, 2, "{\"kind\": \"TopSales\", \"counterpart\": \"\\u5927\\u81e3\"}");
        var b = EventChain.Hash("", "touchpoint_logged", Stream, 2, "{\"counterpart\":\"大臣\",\"kind\":\"TopSales\"}");
        Assert.Equal(a, b);
        Assert.Equal(64, a.Length);
    }

    [Fact]
    public void any_change_to_data_type_version_stream_or_predecessor_changes_the_hash()
    {
        var original = EventChain.Hash("abc", "touchpoint_logged", Stream, 2, "{\"kind\":\"TopSales\"}");
        Assert.NotEqual(original, EventChain.Hash("abc", "touchpoint_logged", Stream, 2, "{\"kind\":\"Seminar\"}"));
        Assert.NotEqual(original, EventChain.Hash("abc", "study_started", Stream, 2, "{\"kind\":\"TopSales\"}"));
        Assert.NotEqual(original, EventChain.Hash("abc", "touchpoint_logged", Stream, 3, "{\"kind\":\"TopSales\"}"));
        Assert.NotEqual(original, EventChain.Hash("abc", "touchpoint_logged", Guid.NewGuid(), 2, "{\"kind\":\"TopSales\"}"));
        Assert.NotEqual(original, EventChain.Hash("abd", "touchpoint_logged", Stream, 2, "{\"kind\":\"TopSales\"}"));
    }

    [Fact]
    public void the_canonical_form_sorts_keys_at_every_depth() =>
        Assert.Equal("{\"a\":[{\"x\":1,\"y\":2}],\"b\":null}", EventChain.Canonical("{ \"b\": null, \"a\": [ { \"y\": 2, \"x\": 1 } ] }"));
}
