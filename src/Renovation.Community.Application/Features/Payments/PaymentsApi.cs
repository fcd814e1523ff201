using Renovation.Community.Application.Extensions;
using Microsoft.Extensions.Options;
using Renovation.Community.WeChat.Configuration;

namespace Renovation.Community.Application.Features.Payments;

public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/", CreatePayment.PrepayAsync).WithName("CreatePayment")
            .WithRequestExample("""{"purpose":"dev-try-out","subjectId":"0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}""")
            .WithSummary("Create (or reuse) a WeChat Pay order for a purpose's subject; returns the wx.requestPayment parameters")
            .WithDescription("Creates (or returns the open) payment for a purpose and subject, for example a fund top-up, and returns the parameters for wx.requestPayment. Identical requests at the same moment share one payment. The amount is decided by the server, never by the client. A subject has one open payment whoever pays: while another payer's order is open the answer is 409 payment_in_progress (who pays, until when); `takeOver: true` closes that order at WeChat and pays yourself.")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        payments.MapGet("/mine", PaymentQueries.MineAsync).WithName("MyPayments")
            .WithSummary("My payments")
            .WithDescription("The caller's payments, newest first, with their state. Paged.");
        payments.MapGet("/{id:guid}", PaymentQueries.GetAsync).WithName("GetPayment")
            .WithSummary("The payment's state; while awaiting payment the server asks WeChat (the client's word is never trusted)")
            .WithDescription("A payment with its state and refunds, for the payer and the staff who account for it.");
        payments.MapPost("/{id:guid}/close", ClosePayment.CloseAsync).WithName("ClosePayment")
            .WithSummary("Give up my own open payment (closed at WeChat first; money already taken is credited instead)")
            .WithDescription("The payer closes their own open order so that a co-owner can pay or they can start again. If WeChat says the order is already paid, it is credited and the answer's state is Paid. 409 payment_not_open when it has ended.")
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        payments.MapPost("/{id:guid}/refunds", PaymentRefunder.RequestAsync).WithName("RefundPayment")
            .WithSummary("Refund all or part of a paid payment (committee chair for owners' money, property staff for service money)")
            .WithDescription("Refunds part or all of a paid payment through WeChat Pay. Refunds together never exceed the amount paid, even when requested at the same time.");
        api.MapGet("/communities/{communityId:guid}/payments", PaymentQueries.ForCommunityAsync).WithTags("Payments")
            .WithName("CommunityPayments")
            .WithSummary("Fund payments (committee) or service payments (property company) of a community")
            .WithDescription("Payments of a community for the staff who account for them: owners' fund money for the committee, service money for the property company. Paged.");
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
