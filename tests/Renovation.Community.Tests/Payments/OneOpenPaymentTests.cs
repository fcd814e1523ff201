using System.Net;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Payments;

/// <summary>At most one open payment per purpose and subject, whoever pays, enforced by the database's unique index.</summary>
public sealed class OneOpenPaymentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PaymentsWorld _world = new(api);

    [Fact]
    public async Task Identical_prepays_at_the_same_moment_make_one_payment_and_all_get_it()
    {
        const int racers = 8;
        var subjectId = await _world.NewSubject(2500);
        var client = await api.ClientFor("resident-a");

        // Every request waits at one gate that opens when all stand at it, so they reach the server together.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var standing = 0;
        var answers = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref standing) == racers)
                gate.SetResult();
            await gate.Task;
            return await client.PostJson("/api/v1/payments", new { purpose = TestPaymentPurpose.PurposeName, subjectId });
        })));

        var views = new List<PrepayView>();
        foreach (var answer in answers)
            views.Add(await answer.ShouldBe<PrepayView>(HttpStatusCode.OK));
        var rows = await api.WithDb(db => db.Payments.AsNoTracking().Where(p => p.SubjectId == subjectId).ToListAsync());
        var row = Assert.Single(rows);
        Assert.All(views, v => Assert.Equal(row.Id, v.Payment.Id));
        Assert.Single(views.Select(v => v.RequestPayment.Package).Distinct());
        Assert.Equal(PaymentState.AwaitingPayment, row.State);
        Assert.Equal(1, await _world.CountEvents(PaymentEvents.AwaitingPayment, row.Id));
    }

    [Fact]
    public async Task A_second_open_payment_for_the_same_subject_is_refused_by_the_database_whoever_pays()
    {
        var subjectId = await _world.NewSubject(700);
        var first = await _world.Prepay(subjectId);

        var copy = await api.WithDb(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == first.Payment.Id));
        var other = await api.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.OpenId == AuthApi.DevOpenId("resident-b")));
        var duplicate = new Payment(copy.Purpose, copy.SubjectId, other.Id, other.OpenId,
            new Renovation.Community.Application.Common.Payments.PaymentQuote(copy.AmountFen, copy.Description, copy.CommunityId, copy.Owner),
            api.Clock.GetUtcNow().AddMinutes(30), api.Clock.GetUtcNow());
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => api.WithDb(async db =>
        {
            db.Payments.Add(duplicate);
            return await db.SaveChangesAsync();
        }));
        Assert.True(Renovation.Community.Application.Common.Errors.UniqueViolation.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Once_paid_the_same_payer_may_open_a_new_payment_for_the_subject()
    {
        var subjectId = await _world.NewSubject(900);
        var first = await _world.Prepay(subjectId);
        await api.WeChat.PayAsync(first.Payment.OutTradeNo);
        var paid = await _world.WaitFor(first.Payment.Id, p => p.State == PaymentState.Paid);
        Assert.Null(paid.OpenKey);

        var second = await _world.Prepay(subjectId);
        Assert.NotEqual(first.Payment.Id, second.Payment.Id);
    }
}
