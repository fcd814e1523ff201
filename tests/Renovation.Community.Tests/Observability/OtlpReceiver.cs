using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Observability;

/// <summary>
/// A loopback OTLP/HTTP collector that keeps what it is sent. It does not decode protobuf: names, attribute keys and
/// string values are UTF-8 inside the message, which is all the tests look for (and for what must never be there).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();

    public int Port { get; } = ApiProcess.FreePort();

    public OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            var source = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
            await source.CopyToAsync(body);
            _received.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf");
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>Everything received for <c>traces</c> or <c>metrics</c>, as one text (protobuf framing bytes included).</summary>
    public string Text(string signal) =>
        Encoding.UTF8.GetString(_received.TryGetValue(signal, out var bodies) ? bodies.SelectMany(b => b).ToArray() : []);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
