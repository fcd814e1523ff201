// Runs the WeChat simulator on its own, for trying the product by hand:
//   dotnet run --project tests/Renovation.Community.WeChatSimulator.Host -- --port 5080 \
//       --notify-url http://127.0.0.1:5000/api/payments/wechat/notify --keys-dir ./data/wechat-simulator
// It prints the WeChat:* settings (keys are written as PEM files into --keys-dir) and serves the pay page at /.
using System.Globalization;
using Renovation.Community.WeChatSimulator;

var port = int.Parse(Option(args, "--port") ?? "5080", CultureInfo.InvariantCulture);
var notifyUrl = Option(args, "--notify-url") ?? "http://127.0.0.1:5000/api/payments/wechat/notify";
var keysDirectory = Path.GetFullPath(Option(args, "--keys-dir") ?? Path.Combine(Path.GetTempPath(), "renovation-wechat-simulator"));

await using var simulator = await WeChatSimulatorServer.StartAsync(new SimulatorOptions { Port = port, LogToConsole = true, HandleConsoleSignals = true });
Console.WriteLine($"WeChat simulator listening on {simulator.BaseUrl} (pay page: {simulator.BaseUrl}/)");
Console.WriteLine("Client settings (also usable as environment variables with __ instead of :):");
foreach (var (key, value) in simulator.ClientSettings.ToConfiguration(keysDirectory, notifyUrl))
{
    // The APIv3 key and app secret are throwaway values generated for this run only.
    Console.WriteLine($"  {key}={value}");
}
Console.WriteLine("Press Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.Infinite, simulator.Stopping);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping.");
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
