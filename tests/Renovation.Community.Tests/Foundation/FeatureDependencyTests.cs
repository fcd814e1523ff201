using System.Reflection;
using System.Reflection.Emit;
using Renovation.Community.Application.Data;

using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// Reads the compiled API (signatures and IL of every method, lambdas and async state machines included) and
/// checks the rules of docs/architecture.md: feature folders never form a cycle, and a feature uses another
/// feature only through that feature's named public surface.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string FeaturesPrefix = "Renovation.Community.Application.Features.";
    private const string CommonPrefix = "Renovation.Community.Application.Common";
    /// <summary>The quick-start seed builds a whole world; nothing depends on it, so it may use every feature.</summary>
    private const string DemoData = "DemoData";

    /// <summary>
    /// What each feature offers the others. Adding a type here is a design decision: say why in
    /// docs/architecture.md. Shared needs (access, outbox, leases, version checks) belong in Common instead.
    /// </summary>
    private static readonly Dictionary<string, string[]> PublicSurface = new()
    {
        // The register: other features read places, units and owner parties (and their kind: an election's candidate is a
        // person, never co-owners or the developer); AreaKind names which of a unit's two areas a split counts by (the
        // fund's settings and every split's areaBasis).
        ["Places"] = ["ResidentialCommunity", "Street", "District", "Building", "Unit", "OwnerParty", "OwnerPartyKind", "PartyMember",
            "PropertyCompany", "RegisterFile", "SheetRow", "CommunityScopeFilter", "AreaKind"],
        // Users and their bindings (who acts for which unit).
        ["Identity"] = ["AppUser", "UnitBinding", "BindingStatus", "RoleGrant", "UnitActors"],
        // A plan is what an Article 278 vote may decide on.
        ["Proposals"] = ["PlanVersion", "PlanState"],
        // Plans belong to projects; plans answer the project's questions through the IProjectPlans port.
        ["Projects"] = ["RenovationProject", "ProjectState", "ProjectAccess", "ProjectEvents", "ProjectFile", "ProjectsOptions",
            "IProjectPlans", "ProjectPlanStatus"],
        // Meetings publish their notices, minutes and assembly results as ordinary community notices.
        ["Notices"] = ["CommunityNotices"],
        // A vote's outcome (closed and passed, on which matter): the fund gates top-ups (matter 6) and spending (matter 5)
        // on it. An owners' assembly decides each item through an Article 278 vote convened and read back here.
        ["Voting"] = ["VoteOutcomes", "VoteOutcome", "VoteConvening", "ConvenedVoteStatus", "Matter"],
    };

    [Fact]
    public void Feature_folders_form_no_cycle()
    {
        var graph = FeatureGraph();
        var cycle = FindCycle(graph.ToDictionary(e => e.Key, e => e.Value.Keys.ToList()));
        Assert.True(cycle is null, cycle is null ? "" :
            "Cycle between feature folders: " + string.Join(" -> ", cycle) + ". Move what both need into Common, or " +
            "invert the dependency with a port (see IProjectPlans). Edges: " + string.Join("; ",
                cycle.Zip(cycle.Skip(1), (a, b) => $"{a}->{b} via {string.Join(", ", graph[a][b].Take(5))}")));
    }

    [Fact]
    public void Features_use_each_other_only_through_their_public_surface()
    {
        var violations = FeatureGraph()
            .Where(from => from.Key != DemoData)
            .SelectMany(from => from.Value.SelectMany(to => to.Value
                .Where(type => !PublicSurface.TryGetValue(to.Key, out var allowed) || !allowed.Contains(type))
                .Select(type => $"{from.Key} uses {to.Key}.{type}")))
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Common_names_no_feature_type()
    {
        var violations = typeof(AppDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(CommonPrefix, StringComparison.Ordinal) == true)
            .SelectMany(t => UsedTypes(t).Where(used => FeatureOf(used) is not null).Select(used => $"{t.Name} uses {used.FullName}"))
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>
    /// The build's own layer check (build/LayerCheck.cs, run before the product compiles) fails on a copy of the
    /// product's source with a Common -> Features reference made through an inlined constant and a feature cycle
    /// made by a using directive, and passes on the product as it is.
    /// </summary>
    [Fact]
    public async Task The_build_fails_on_a_common_to_feature_reference_and_on_a_feature_cycle()
    {
        var repo = Repository.Root;
        var product = Path.Combine(repo, "src", "Renovation.Community.Application");
        var copy = Directory.CreateTempSubdirectory("rc-layers-");
        try
        {
            foreach (var layer in new[] { "Common", "Data", "Features" })
                CopyTree(Path.Combine(product, layer), Path.Combine(copy.FullName, layer));
            await PlantViolationsAsync(copy.FullName);

            var (code, output) = await CheckLayersAsync(repo, copy.FullName);
            Assert.NotEqual(0, code);
            Assert.Contains("LAYER001", output);
            Assert.Contains("Common names the feature 'Fund'", output);
            Assert.Contains("LAYER002", output);
            Assert.Contains("Places->Fund in Features/Places/Planted.cs", output);
        }
        finally
        {
            copy.Delete(recursive: true);
        }

        var (realCode, realOutput) = await CheckLayersAsync(repo, product);
        Assert.True(realCode == 0, realOutput);
    }

    private static async Task PlantViolationsAsync(string root)
    {
        await File.WriteAllTextAsync(Path.Combine(root, "Common", "Money", "Planted.cs"), """
            namespace Renovation.Community.Application.Common.Money;
            public static class Planted { public const int Days = Renovation.Community.Application.Features.Fund.Planted.Days; }
            """);
        await File.WriteAllTextAsync(Path.Combine(root, "Features", "Places", "Planted.cs"), """
            using Renovation.Community.Application.Features.Fund;
            namespace Renovation.Community.Application.Features.Places;
            public static class PlantedLoop { }
            """);
    }

    private static async Task<(int Code, string Output)> CheckLayersAsync(string repo, string root)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet",
            ["msbuild", Path.Combine(repo, "build", "CheckLayers.proj"), "-t:Check", "-nologo", $"-p:LayerCheckRoot={root}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await process.StandardError.ReadToEndAsync());
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.cs", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void The_dependency_scan_sees_a_use_hidden_in_a_method_body()
    {
        // Proposals implements the Projects port inside a method body: the scan must see Proposals -> Projects.
        Assert.Contains("IProjectPlans", FeatureGraph()["Proposals"]["Projects"]);
    }

    /// <summary>from feature -> to feature -> names of the types used.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> FeatureGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, SortedSet<string>>>();
        foreach (var type in typeof(AppDbContext).Assembly.GetTypes())
        {
            var from = FeatureOf(type);
            if (from is null)
                continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in UsedTypes(type))
            {
                var to = FeatureOf(used);
                if (to is null || to == from)
                    continue;
                var outer = used;
                while (outer.DeclaringType is not null)
                    outer = outer.DeclaringType;
                (edges.TryGetValue(to, out var names) ? names : edges[to] = []).Add(outer.Name);
            }
        }
        return graph;
    }

    private static string? FeatureOf(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(FeaturesPrefix, StringComparison.Ordinal)
            ? ns[FeaturesPrefix.Length..].Split('.')[0]
            : null;

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static |
                                 BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is not null)
            found.Add(type.BaseType);
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
                found.Add(info.ReturnType);
            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(FromBody(method));
        }
        return found.SelectMany(Expand).Distinct();
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
            return Expand(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            return new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Expand));
        return type.IsGenericParameter ? [] : [type];
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Types named by the method's IL: calls, field accesses, casts, <c>typeof</c>, object creation.</summary>
    private static IEnumerable<Type> FromBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            OpCode op;
            if (il[i] == 0xFE)
            {
                op = OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))];
                i += 2;
            }
            else
            {
                op = OpCodesByValue[il[i]];
                i += 1;
            }
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                    }
                    foreach (var t in TypesOf(member))
                        yield return t;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo? member) => member switch
    {
        Type t => [t],
        MethodInfo m => new[] { m.DeclaringType!, m.ReturnType }.Concat(m.GetParameters().Select(p => p.ParameterType))
            .Concat(m.IsGenericMethod ? m.GetGenericArguments() : []),
        ConstructorInfo c => [c.DeclaringType!],
        FieldInfo f => [f.DeclaringType!, f.FieldType],
        _ => [],
    };

    private static List<string>? FindCycle(Dictionary<string, List<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                    return [.. path.SkipWhile(n => n != next), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                    return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order())
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
                return cycle;
        return null;
    }
}
