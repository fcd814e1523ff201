using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// The API as a real operating-system process (<c>dotnet exec Renovation.Community.Api.dll</c> from the test output,
/// Production, loopback), so it can be killed with SIGKILL: no shutdown hooks, no flushed buffers, transactions cut
/// wherever they are.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    // Generous: a fresh MariaDB schema plus the demo story on a busy CI machine can take minutes.
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(300);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last 20,000 characters the process wrote (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.Length > 20000 ? _output.ToString(_output.Length - 20000, 20000) : _output.ToString();
        }
    }

    /// <summary>
    /// A port no other server of this run was given. A process binds its port seconds after it is chosen (after
    /// migrating), so a port the kernel hands out (<c>bind(0)</c>, the ephemeral range) could meanwhile be handed to
    /// another test's host, and a readiness probe would then be answered by the wrong server. So ports come from below
    /// the ephemeral range (32768 up on Linux), each at most once per run, and only if nothing listens there now.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = FirstPort + (Interlocked.Increment(ref _portsGiven) % PortSpan);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by something outside this run: try the next.
            }
        }
    }

    private const int FirstPort = 20000, PortSpan = 12000;
    // Starts where the process id says, so the runs of two test processes on one machine rarely meet.
    private static int _portsGiven = Environment.ProcessId * 211 % PortSpan;

    /// <summary>
    /// Starts the API on <paramref name="port"/> and waits for <c>/health/ready</c>. The process resolves assemblies
    /// through this test assembly's deps file and runs its <see cref="TestHostingStartup"/>: the run's clock (real time
    /// plus <paramref name="clockOffset"/>, the run's offset unless given) and, with <paramref name="withCrashTestPurpose"/>,
    /// the crash test's payment purpose; the API itself is unchanged. <paramref name="environment"/> is Production
    /// unless a test runs the quick-start's Development defaults.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(IDictionary<string, string?> settings, int port, bool seed,
        bool withCrashTestPurpose = false, string environment = "Production", TimeSpan? clockOffset = null)
    {
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add("exec");
        var testAssembly = typeof(ApiProcess).Assembly.GetName().Name!;
        info.ArgumentList.Add("--depsfile");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{testAssembly}.deps.json"));
        info.Environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = testAssembly;
        info.Environment[TestRunClock.OffsetVariable] = (clockOffset ?? TestRunClock.Offset).Ticks.ToString(CultureInfo.InvariantCulture);
        info.Environment[TestHostingStartup.CrashTestPurposeVariable] = withCrashTestPurpose ? "true" : "false";
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Renovation.Community.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
            info.ArgumentList.Add($"--{key}={value}");
        info.ArgumentList.Add($"--DemoData:Seed={seed.ToString().ToLowerInvariant()}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        var process = Process.Start(info)!;
        var api = new ApiProcess(process, url);
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Ready;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"API process exited with {process.ExitCode}:\n{api.Output}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return api;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        api.Dispose();
        throw new TimeoutException($"API process on {url} was not ready in {Ready}:\n{api.Output}");
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux); answers the exit code, 137 for a kill.</summary>
    public int KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
