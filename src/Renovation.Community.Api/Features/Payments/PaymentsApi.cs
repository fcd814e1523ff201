using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.Api.Features.Payments;

public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/", CreatePayment.PrepayAsync).WithName("CreatePayment")
            .WithSummary("Create (or reuse) a WeChat Pay order for a purpose's subject; returns the wx.requestPayment parameters")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        payments.MapGet("/mine", PaymentQueries.MineAsync).WithName("MyPayments");
        payments.MapGet("/{id:guid}", PaymentQueries.GetAsync).WithName("GetPayment")
            .WithSummary("The payment's state; while awaiting payment the server asks WeChat (the client's word is never trusted)");
        payments.MapPost("/{id:guid}/refunds", PaymentRefunder.RequestAsync).WithName("RefundPayment")
            .WithSummary("Refund all or part of a paid payment (committee chair for owners' money, property staff for service money)");
        api.MapGet("/communities/{communityId:guid}/payments", PaymentQueries.ForCommunityAsync).WithTags("Payments")
            .WithName("CommunityPayments").WithSummary("Fund payments (committee) or service payments (property company) of a community");
        api.MapPaymentIncidentsApi();
        return api;
    }

    /// <summary>
    /// The notify URL, outside /api/v1's filters: anonymous, and at the path configured in <c>WeChat:Pay:NotifyUrl</c>
    /// (WeChat posts exactly there).
    /// </summary>
    public static WebApplication MapPaymentNotifications(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.Pay.NotifyUrl;
        var path = Uri.TryCreate(configured, UriKind.Absolute, out var uri) ? uri.AbsolutePath : PaymentNotifications.DefaultPath;
        app.MapPost(path, PaymentNotifications.ReceiveAsync).AllowAnonymous().ExcludeFromDescription()
            .DisableAntiforgery().WithName("WeChatPayNotify");
        return app;
    }
}
