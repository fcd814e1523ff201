using System.Text.RegularExpressions;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>
/// What makes the README's walk-through a test and not a story: every step is a bash block (no request left as prose
/// with a placeholder to fill in), and every block ends by asserting what it should show with <c>jq -e</c>, so a
/// wrong, empty or null answer stops <see cref="QuickStartWalkthroughTests"/> instead of printing quietly.
/// </summary>
public sealed partial class ReadmeWalkShapeTests
{
    [Fact]
    public void The_walk_has_the_quick_start_and_every_try_section_with_blocks()
    {
        var sections = ReadmeWalk.Sections();
        Assert.StartsWith("Quick-start", sections[0].Section);
        Assert.Contains(sections, s => s.Section.StartsWith("Try ", StringComparison.Ordinal));
        Assert.All(sections, s => Assert.True(ReadmeWalk.Blocks().Any(b => b.Section == s.Section), $"\"{s.Section}\" has no bash block."));
    }

    [Fact]
    public void Every_block_ends_by_asserting_with_jq_e()
    {
        Assert.All(ReadmeWalk.Blocks(), block =>
        {
            var last = LogicalLines(block.Commands).Last();
            Assert.True(AssertingJq().IsMatch(last), $"{block} does not end with a jq -e assertion: {last}");
        });
    }

    [Fact]
    public void Every_jq_in_the_walk_asserts_so_a_null_answer_stops_it()
    {
        Assert.All(ReadmeWalk.Blocks(), block =>
        {
            foreach (Match jq in AnyJq().Matches(Code(block.Commands)))
                Assert.True(AssertingJq().IsMatch(jq.Value), $"{block} has a jq without -e (a null would pass): {jq.Value}");
        });
    }

    [Fact]
    public void No_block_has_a_placeholder_to_fill_in()
    {
        Assert.All(ReadmeWalk.Blocks(), block =>
            Assert.False(Placeholder().IsMatch(Code(block.Commands)), $"{block} has a placeholder: {Placeholder().Match(Code(block.Commands)).Value}"));
    }

    [Fact]
    public void No_request_is_left_as_prose_with_a_placeholder()
    {
        foreach (var (section, text) in ReadmeWalk.Sections())
        {
            var prose = Fences().Replace(text, "");
            var request = ProseRequestWithPlaceholder().Match(prose);
            Assert.False(request.Success, $"\"{section}\" has a request in prose with a placeholder (write it as a bash block): {request.Value}");
        }
    }

    private static IEnumerable<string> LogicalLines(string commands) =>
        commands.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

    /// <summary>The commands without comments (a comment may mention jq or a placeholder).</summary>
    private static string Code(string commands) => string.Join('\n', LogicalLines(commands).Select(line => CommentTail().Replace(line, "")));

    [GeneratedRegex(@"\bjq((?:\s+-[a-zA-Z]+)*\s+-[a-zA-Z]*e[a-zA-Z]*\b|(?:\s+-\S+)*\s+--exit-status\b)")]
    private static partial Regex AssertingJq();

    [GeneratedRegex(@"\bjq\b(?:\s+--?[a-zA-Z-]+)*")]
    private static partial Regex AnyJq();

    [GeneratedRegex(@"<[A-Za-z][^<>\n]*>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex CommentTail();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex Fences();

    [GeneratedRegex(@"`(GET|POST|PUT|PATCH|DELETE) [^`]*<[^`]*`")]
    private static partial Regex ProseRequestWithPlaceholder();
}
