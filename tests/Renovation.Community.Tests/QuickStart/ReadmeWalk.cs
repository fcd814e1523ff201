using System.Text.RegularExpressions;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>One bash block of the README's walk-through: the section it is in, its number there, and its commands.</summary>
public sealed record ReadmeBlock(string Section, int Number, string Commands)
{
    public override string ToString() => $"\"{Section}\" block {Number}";
}

/// <summary>
/// The README's walk-through: the bash blocks of its "Quick-start" section and of every "Try …" section, in the
/// README's order (the "Two commands" that start and test the product are not part of it), and the bash that runs
/// them as a test.
/// </summary>
public static partial class ReadmeWalk
{
    public static IReadOnlyList<(string Section, string Text)> Sections()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return SectionPattern().Matches(readme)
            .Select(m => (Section: m.Groups[1].Value.Trim(), Text: m.Groups[2].Value))
            .Where(s => s.Section.StartsWith("Quick-start", StringComparison.Ordinal) || s.Section.StartsWith("Try ", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Every bash block of the walk, without the list's indentation.</summary>
    public static IReadOnlyList<ReadmeBlock> Blocks() =>
        Sections().SelectMany(s => BlockPattern().Matches(s.Text).Select((m, i) => new ReadmeBlock(s.Section, i + 1,
            string.Join('\n', m.Groups[2].Value.Split('\n')
                .Select(line => line.StartsWith(m.Groups[1].Value, StringComparison.Ordinal) ? line[m.Groups[1].Value.Length..] : line)))))
            .ToList();

    /// <summary>
    /// The walk as one bash script: strict (an error stops it), each block announced on standard error (so a failure
    /// names its block), and a <c>jq</c> that refuses what a <c>jq -e</c> assertion alone lets through: an empty
    /// answer (jq 1.6 exits 0 on no input), a bare <c>null</c>, and a problem answer (status ≥ 400) that the filter
    /// does not look at (<c>.code</c> or <c>.status</c>), i.e. an error the block did not expect. Its <c>date</c> reads
    /// the test clock (real time plus <see cref="ClockOffsetVariable"/> seconds), the clock the API under test runs on,
    /// so "today" in a block is the API's today at whatever hour the suite runs.
    /// </summary>
    public static string Script(IEnumerable<ReadmeBlock> blocks, string marker) =>
        Prelude + string.Concat(blocks.Select(b => $"\necho '{marker} {b}' >&2\necho '{marker}'\n{b.Commands}\n"));

    public const string ClockOffsetVariable = "README_CLOCK_OFFSET_SECONDS";

    private const string Prelude = """
        set -euo pipefail
        date() {
          local when="" args=()
          while (($#)); do
            case "$1" in
              -d) when="$2"; shift 2 ;;
              --date=*) when="${1#--date=}"; shift ;;
              *) args+=("$1"); shift ;;
            esac
          done
          local now
          now=$(command date -u -d "@$(( $(command date +%s) + ${README_CLOCK_OFFSET_SECONDS:-0} ))" +%Y-%m-%dT%H:%M:%SZ)
          command date -d "$now $when" "${args[@]}"
        }
        jq() {
          local answer
          answer=$(cat)
          if [[ -z "${answer//[[:space:]]/}" ]]; then echo "README walk: empty answer for jq $*" >&2; return 1; fi
          if [[ "$answer" == null ]]; then echo "README walk: null answer for jq $*" >&2; return 1; fi
          if [[ "$*" != *.code* && "$*" != *.status* ]] && printf '%s' "$answer" |
               command jq -e 'type == "object" and (.status | type) == "number" and .status >= 400' >/dev/null 2>&1; then
            echo "README walk: an error answer for jq $*: $answer" >&2; return 1
          fi
          printf '%s' "$answer" | command jq "$@" || {
            local status=$?
            echo "README walk: jq $* failed ($status) on: ${answer:0:1500}" >&2
            return $status
          }
        }

        """;

    [GeneratedRegex(@"^## ([^\n]*)\n(.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^( *)```bash\n(.*?)^ *```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
