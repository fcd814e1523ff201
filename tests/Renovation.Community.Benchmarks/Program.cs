// Benchmarks that are not part of the test run. The first argument picks one:
//   dotnet run -c Release --project tests/Renovation.Community.Benchmarks -- bill-parse
// Each prints machine-readable lines starting with "RESULT".
using Renovation.Community.Benchmarks;

var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["bill-parse"] = BillParseBenchmark.RunAsync,
    ["vote-storm"] = Renovation.Community.Benchmarks.VoteStorm.VoteStormBenchmark.RunAsync,
    ["fanout"] = FanoutBenchmark.RunAsync,
    ["pay-notify"] = PayNotifyBenchmark.RunAsync,
    ["reconcile"] = Renovation.Community.Benchmarks.Reconcile.ReconcileBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Renovation.Community.Benchmarks <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
