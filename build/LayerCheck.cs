using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Fails the build when the layers of docs/architecture.md are broken: a file in Common (the shared kernel) that
/// names a feature, or feature folders that depend on each other in a cycle. It reads the source, not the compiled
/// code, so a constant the compiler inlines still counts; an unused using is a compile error (IDE0005), so every
/// using it sees is a real dependency. The finer rule (which types a feature may use of another) is checked on the
/// compiled code by FeatureDependencyTests.
/// </summary>
public sealed class CheckLayers : Task
{
    [Required]
    public string SourceRoot { get; set; } = "";

    private static readonly Regex LineComment = new Regex(@"//.*$", RegexOptions.Multiline);
    private static readonly Regex NamedFeature = new Regex(
        @"(?:Renovation\.Community\.Application\.|(?<![\w.])global::Renovation\.Community\.Application\.|(?<![\w.]))Features\.(?<feature>[A-Z]\w*)");

    public override bool Execute()
    {
        var root = Path.GetFullPath(SourceRoot);
        var featuresDir = Path.Combine(root, "Features");
        var features = Directory.Exists(featuresDir)
            ? Directory.GetDirectories(featuresDir).Select(Path.GetFileName).ToList()
            : new List<string>();
        // A feature may name a sibling relative to the enclosing namespace ("Identity.BindingStatus").
        var sibling = new Regex(@"(?<![\w.])(?<feature>" + string.Join("|", features.Select(Regex.Escape)) + @")\.[A-Z]");
        var edges = features.ToDictionary(f => f, f => new SortedDictionary<string, string>(StringComparer.Ordinal));
        var ok = true;

        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = file.Substring(root.Length + 1).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                continue;
            var text = LineComment.Replace(File.ReadAllText(file), "");
            var named = NamedFeature.Matches(text).Cast<Match>().Select(m => m.Groups["feature"].Value);
            if (relative.StartsWith("Common/", StringComparison.Ordinal))
            {
                foreach (var feature in named.Where(features.Contains).Distinct())
                {
                    Log.LogError(null, "LAYER001", null, file, 0, 0, 0, 0,
                        "Common names the feature '{0}': the shared kernel may use Data but no feature. Move the type into Common, or put a port in Common that the feature implements.",
                        feature);
                    ok = false;
                }
                continue;
            }
            if (!relative.StartsWith("Features/", StringComparison.Ordinal))
                continue; // Data, Extensions and Jobs compose the features.
            var from = relative.Split('/')[1];
            if (!edges.ContainsKey(from))
                continue;
            foreach (var to in named.Concat(sibling.Matches(text).Cast<Match>().Select(m => m.Groups["feature"].Value)))
                if (to != from && features.Contains(to) && !edges[from].ContainsKey(to))
                    edges[from][to] = relative;
        }

        foreach (var cycle in Cycles(edges))
        {
            var path = string.Join(" -> ", cycle);
            var via = string.Join("; ", cycle.Zip(cycle.Skip(1), (a, b) => a + "->" + b + " in " + edges[a][b]));
            Log.LogError(null, "LAYER002", null, Path.Combine(featuresDir, cycle[0]), 0, 0, 0, 0,
                "Feature folders form a cycle: {0} ({1}). Move what both need into Common, or invert one dependency with a port.",
                path, via);
            ok = false;
        }
        return ok;
    }

    /// <summary>One cycle through each strongly connected group of features, as a closed path.</summary>
    private static IEnumerable<List<string>> Cycles(Dictionary<string, SortedDictionary<string, string>> edges)
    {
        var done = new HashSet<string>();
        foreach (var start in edges.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var path = new List<string>();
            var found = Visit(start, edges, path, new HashSet<string>(), done);
            if (found != null)
            {
                foreach (var node in found)
                    done.Add(node);
                yield return found;
            }
        }
    }

    private static List<string> Visit(string node, Dictionary<string, SortedDictionary<string, string>> edges,
        List<string> path, HashSet<string> onPath, HashSet<string> done)
    {
        if (done.Contains(node))
            return null;
        if (onPath.Contains(node))
        {
            var cycle = path.SkipWhile(n => n != node).ToList();
            cycle.Add(node);
            return cycle;
        }
        onPath.Add(node);
        path.Add(node);
        foreach (var next in edges[node].Keys)
        {
            var found = Visit(next, edges, path, onPath, done);
            if (found != null)
                return found;
        }
        path.RemoveAt(path.Count - 1);
        onPath.Remove(node);
        done.Add(node);
        return null;
    }
}
