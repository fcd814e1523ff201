using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChat.Pay.Notifications;
using Renovation.Community.WeChat.Pay.Signing;

namespace Renovation.Community.WeChat.Tests.Support;

/// <summary>
/// A merchant notify endpoint as the API will build it: verify and decrypt with our reader, answer 204,
/// or 4xx {"code":"FAIL"} so WeChat Pay retries. Handling is idempotent by notification id.
/// </summary>
public sealed class NotifyReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotifyReceiver(WebApplication app) => _app = app;

    public string NotifyUrl { get; private set; } = "";

    /// <summary>Notifications accepted, by id: a duplicate does not add a second entry.</summary>
    public ConcurrentDictionary<string, WeChatPayNotification> Accepted { get; } = new();

    public ConcurrentQueue<string> Rejections { get; } = new();

    public int Posts => _posts;

    private int _posts;

    public static async Task<NotifyReceiver> StartAsync(Func<WeChatPayNotificationReader> reader)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new NotifyReceiver(app);
        app.MapPost("/pay/notify", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver._posts);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            try
            {
                var notification = reader().Read(WeChatPaySignatureHeaders.From(name => request.Headers[name].FirstOrDefault()), buffer.ToArray());
                receiver.Accepted.TryAdd(notification.Id, notification);
                return Results.NoContent();
            }
            catch (Exception e) when (e is WeChatPaySignatureException or WeChatPayNotificationException)
            {
                receiver.Rejections.Enqueue(e.Message);
                return Results.Json(new { code = "FAIL", message = "验签或解密失败" }, statusCode: 401);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.NotifyUrl = address.TrimEnd('/') + "/pay/notify";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
