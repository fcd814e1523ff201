using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Places;
using Renovation.Community.Application.Features.Realtime;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Notices;

/// <summary>The API with a subscribe-message template for published notices, and sweeps left to the tests.</summary>
public sealed class NoticesApiFactory : ApiFactory
{
    public const string TemplateId = "tpl-notice-published";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Jobs:SweepSeconds"] = "3600",
        ["Notifications:RetryBaseSeconds"] = "60",
        ["Notifications:MaxAttempts"] = "3",
        [$"Notifications:Templates:{NoticeEvents.Published}:TemplateId"] = TemplateId,
        [$"Notifications:Templates:{NoticeEvents.Published}:Page"] = "pages/notice/detail?id={noticeId}",
        [$"Notifications:Templates:{NoticeEvents.Published}:Fields:thing1"] = "{title}",
        [$"Notifications:Templates:{NoticeEvents.Published}:Fields:time2"] = "{publishedAt:time}",
        [$"Notifications:Templates:{NoticeEvents.Published}:Fields:thing3"] = "{targetName}",
    };
}

public sealed record Resident(HttpClient Client, Guid UserId, string OpenId, Func<Task<string>> Token);

/// <summary>A fresh community with two buildings, a resident in each, and its committee member.</summary>
public sealed record NoticeCommunity(Guid Id, Guid StreetId, Guid BuildingOne, Guid BuildingTwo, Resident InOne, Resident InTwo,
    HttpClient Committee);

public sealed class NoticesWorld(ApiFactory api)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public async Task<NoticeCommunity> Community()
    {
        var demo = await Demo.Of(api);
        var one = await NewUser();
        var two = await NewUser();
        var committee = await NewUser();
        var (communityId, b1, b2) = await api.WithDb(async db =>
        {
            var community = new ResidentialCommunity(demo.StreetId, "通知测试小区" + Guid.NewGuid().ToString("N")[..8], "测试路 2 号", 1992);
            var first = new Building(community.Id, "1幢");
            var second = new Building(community.Id, "2幢");
            var p1 = new OwnerParty(community.Id, OwnerPartyKind.Person, "张三", [("张三", "1234")]);
            var p2 = new OwnerParty(community.Id, OwnerPartyKind.Person, "李四", [("李四", "1234")]);
            var u1 = new Unit(community.Id, first.Id, "101", 8000, AreaBasis.Registered, "证101", p1.Id);
            var u2 = new Unit(community.Id, second.Id, "201", 8000, AreaBasis.Registered, "证201", p2.Id);
            db.AddRange(community, first, second, p1, p2, u1, u2);
            var now = api.Clock.GetUtcNow();
            foreach (var (user, unit, name) in new[] { (one, u1, "张三"), (two, u2, "李四") })
            {
                var binding = new UnitBinding(user.UserId, unit.Id, community.Id, name, "1234", unit.CertificateNumber!, true, now);
                binding.Approve(user.UserId, now);
                db.UnitBindings.Add(binding);
            }
            db.RoleGrants.Add(new RoleGrant(committee.UserId, Role.CommitteeMember, community.Id, now));
            await db.SaveChangesAsync();
            return (community.Id, first.Id, second.Id);
        });
        return new NoticeCommunity(communityId, demo.StreetId, b1, b2, one, two, committee.Client);
    }

    public async Task<Resident> NewUser()
    {
        var person = "notice-" + Guid.NewGuid().ToString("N");
        var logins = 0;
        ApiFactory.LoginBody? login = null;
        async Task<string> Token()
        {
            if (login is null || login.Tokens.AccessTokenExpiresAt <= api.Clock.GetUtcNow().AddMinutes(1))
            {
                using var anonymous = api.CreateClient();
                login = await (await anonymous.PostJson("/api/v1/auth/wechat-login", new { code = $"{person}:{++logins}" }))
                    .ShouldBe<ApiFactory.LoginBody>(HttpStatusCode.OK);
            }
            return login.Tokens.AccessToken;
        }
        await Token();
        var openId = await api.WithDb(db => db.Users.Where(u => u.Id == login!.UserId).Select(u => u.OpenId).SingleAsync());
        return new Resident(api.CreateClientWithToken(Token), login!.UserId, openId, Token);
    }

    public async Task<NoticeView> Publish(HttpClient publisher, NoticeTargetKind kind, Guid targetId, string title = "关于停水的通知",
        bool pinned = false, DateTimeOffset? publishAt = null, DateTimeOffset? expiresAt = null, bool emergency = false) =>
        await (await publisher.PostJson("/api/v1/notices", new
        {
            targetKind = kind,
            targetId,
            title,
            body = "因管道维修，明日 8:00 至 12:00 停水，请提前储水。",
            pinned,
            emergency,
            publishAt,
            expiresAt,
        })).ShouldBe<NoticeView>(HttpStatusCode.Created);

    public static Task<(HubConnection Connection, Channel<EventEnvelope> Inbox)> Connect(Uri server, Func<Task<string>> token) =>
        LiveEvents.ConnectAsync(server, async () => await token());

    public static async Task<EventEnvelope> Next(Channel<EventEnvelope> inbox, string kind, Guid noticeId)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var e = await inbox.Reader.ReadAsync(timeout.Token);
            if (e.Kind == kind && e.Payload.GetProperty("noticeId").GetGuid() == noticeId)
                return e;
        }
    }

    public Task<List<string>> EventKinds(Guid noticeId) => api.WithDb(db => db.OutboxEvents
        .Where(e => e.Kind.StartsWith("notice.") && e.PayloadJson.Contains(noticeId.ToString()))
        .OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
}
