using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments;

/// <summary>
/// A share or an order is charged once: it has one open payment whoever pays (two co-owners of one flat used to be
/// charged the full share each). The second payer is told who pays until when, and may take over at once.
/// </summary>
public sealed class OnePayerPerSubjectTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    private async Task<HttpResponseMessage> Prepay(string user, Guid subjectId, bool? takeOver = null) =>
        await (await api.ClientFor(user)).PostJson("/api/v1/payments", new { purpose = TestPaymentPurpose.PurposeName, subjectId, takeOver });

    private Task<List<Payment>> PaymentsOf(Guid subjectId) =>
        api.WithDb(db => db.Payments.AsNoTracking().Where(p => p.SubjectId == subjectId).OrderBy(p => p.CreatedAt).ToListAsync());

    [Fact]
    public async Task A_second_payer_is_told_who_is_paying_until_when_and_is_not_charged()
    {
        var subjectId = await _world.NewSubject(1500);
        var first = await _world.Prepay(subjectId, "resident-a");
        var firstName = await api.WithDb(db => db.Users.Where(u => u.OpenId == AuthApi.DevOpenId("resident-a")).Select(u => u.DisplayName).SingleAsync());

        var problem = await (await Prepay("resident-b", subjectId)).ShouldBeProblem(HttpStatusCode.Conflict, "payment_in_progress");

        var until = first.Payment.ExpiresAt.ToOffset(TimeSpan.FromHours(8));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(firstName, detail);
        Assert.Contains(until.ToString("M月d日 HH:mm"), detail);
        Assert.Equal(until, problem.GetProperty("payingUntil").GetDateTimeOffset());
        Assert.Equal(first.Payment.Id, Assert.Single(await PaymentsOf(subjectId)).Id);
    }

    [Fact]
    public async Task Taking_over_closes_the_first_payers_order_at_WeChat_and_opens_one_for_the_new_payer()
    {
        var subjectId = await _world.NewSubject(1600);
        var first = await _world.Prepay(subjectId, "resident-a");

        var second = await (await Prepay("resident-b", subjectId, takeOver: true)).ShouldBe<PrepayView>(HttpStatusCode.OK);

        Assert.NotEqual(first.Payment.Id, second.Payment.Id);
        Assert.Equal("CLOSED", api.WeChat.Orders.Find(first.Payment.OutTradeNo)!.TradeState);
        Assert.False(await api.WeChat.PayAsync(first.Payment.OutTradeNo));
        var rows = await PaymentsOf(subjectId);
        Assert.Equal([PaymentState.Closed, PaymentState.AwaitingPayment], rows.Select(p => p.State));
        Assert.Equal(second.Payment.Id, Assert.Single(rows, p => p.OpenKey is not null).Id);
    }

    [Fact]
    public async Task Taking_over_an_order_WeChat_was_already_paid_for_credits_it_once_instead_of_closing_it()
    {
        var subjectId = await _world.NewSubject(1700);
        var first = await _world.Prepay(subjectId, "resident-a");
        Assert.True(await api.WeChat.PayAsync(first.Payment.OutTradeNo, new PaymentOptions { SuppressNotification = true }));

        await (await Prepay("resident-b", subjectId, takeOver: true)).ShouldBe<PrepayView>(HttpStatusCode.OK);

        var credited = (await PaymentsOf(subjectId)).First();
        Assert.Equal((first.Payment.Id, PaymentState.Paid, PaymentAcceptanceState.Accepted), (credited.Id, credited.State, credited.Acceptance));
        Assert.Equal("SUCCESS", api.WeChat.Orders.Find(first.Payment.OutTradeNo)!.TradeState);
        Assert.Equal(1, await _world.PurposeCredits(first.Payment.Id));
    }

    [Fact]
    public async Task The_payer_closes_their_own_order_and_a_co_payer_may_pay_at_once()
    {
        var subjectId = await _world.NewSubject(1800);
        var first = await _world.Prepay(subjectId, "resident-a");
        var close = $"/api/v1/payments/{first.Payment.Id}/close";
        await (await (await api.ClientFor("resident-b")).PostAsync(close, null)).ShouldBeProblem(HttpStatusCode.NotFound, "payment_not_found");

        var closed = await (await (await api.ClientFor("resident-a")).PostAsync(close, null)).ShouldBe<PaymentView>(HttpStatusCode.OK);

        Assert.Equal(PaymentState.Closed, closed.State);
        Assert.Equal("CLOSED", api.WeChat.Orders.Find(first.Payment.OutTradeNo)!.TradeState);
        await (await (await api.ClientFor("resident-a")).PostAsync(close, null)).ShouldBeProblem(HttpStatusCode.Conflict, "payment_not_open");
        await (await Prepay("resident-b", subjectId)).ShouldBe<PrepayView>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_payers_racing_for_one_subject_get_one_open_payment_and_the_loser_is_told_who_pays()
    {
        var subjectId = await _world.NewSubject(1900);
        var turn = 0;

        var answers = await Race.Run(8, () => Prepay(Interlocked.Increment(ref turn) % 2 == 0 ? "resident-a" : "resident-b", subjectId));

        var open = Assert.Single(await PaymentsOf(subjectId));
        var won = answers.All.Where(a => a.Status == HttpStatusCode.OK).ToList();
        Assert.InRange(won.Count, 1, 4);
        Assert.All(won, a => Assert.Equal(open.Id, a.As<PrepayView>().Payment.Id));
        Assert.All(answers.All.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal((HttpStatusCode.Conflict, "payment_in_progress"), (a.Status, a.Code)));
    }
}
