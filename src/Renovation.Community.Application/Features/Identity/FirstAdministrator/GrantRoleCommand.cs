using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// <c>dotnet Renovation.Community.Api.dll grant-role --role CityAdmin --user &lt;openid or user id&gt;</c>: how the first
/// city administrator is made outside Development, where no one can yet grant a role through the API. It applies any
/// pending migrations first (as <c>migrate</c> does), creates the user for an openid nobody has signed in with yet (so
/// the person gets the role at their first WeChat sign-in), grants the city-wide role, audits it as
/// <c>command:grant-role</c>, prints one line and exits 0; 1 with a message for a wrong role or user.
/// </summary>
public static partial class GrantRoleCommand
{
    public const string Verb = "grant-role";
    public const int Refused = 1;

    private const string Usage = "Usage: grant-role --role CityAdmin|FinanceOfficer --user <openid or user id>";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output,
        TextWriter error, CancellationToken ct = default)
    {
        var roleText = Option(args, "--role");
        var userText = Option(args, "--user")?.Trim();
        if (string.IsNullOrWhiteSpace(roleText) || string.IsNullOrWhiteSpace(userText))
            return Refuse(error, "grant-role needs --role and --user. " + Usage);
        if (!Enum.TryParse<Role>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(roleText, out _))
            return Refuse(error, $"Unknown role '{roleText}'. " + Usage);
        // Scoped roles (committee, street, company, district) are granted in the console by a city admin, who can see
        // the scope; this command only bootstraps the city-wide roles.
        if (!RoleGrant.IsCityWide(role))
            return Refuse(error, $"grant-role grants only the city-wide roles CityAdmin and FinanceOfficer; grant {role} through POST /api/v1/role-grants as a city admin.");
        var userId = Guid.TryParse(userText, out var id) ? id : (Guid?)null;
        if (userId is null && !OpenIdPattern().IsMatch(userText))
            return Refuse(error, $"'{userText}' is neither a user id nor a WeChat openid. " + Usage);

        await DatabaseSetup.MigrateAsync(services, ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        using var actor = CommandActor.Run(Verb);

        var user = userId is { } known
            ? await db.Users.SingleOrDefaultAsync(u => u.Id == known, ct)
            : await db.Users.SingleOrDefaultAsync(u => u.OpenId == userText, ct);
        if (user is null && userId is not null)
            return Refuse(error, $"No user has the id {userId}. Give the person's openid instead, or let them sign in to the mini-program once and use the id GET /api/v1/me shows.");
        var created = user is null;
        if (user is null)
        {
            user = new AppUser(userText, null, AppUser.PlaceholderName, now);
            db.Users.Add(user);
        }
        if (!created && await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.Role == role && g.ScopeId == null, ct))
        {
            output.WriteLine($"User {user.Id} (openid {user.OpenId}) already holds {role} over the whole city; nothing changed.");
            return 0;
        }
        db.RoleGrants.Add(new RoleGrant(user.Id, role, null, now));
        await db.SaveChangesAsync(ct);
        output.WriteLine($"Granted {role} over the whole city to user {user.Id} (openid {user.OpenId}{(created ? ", created now: the role applies from their first WeChat sign-in" : "")}).");
        return 0;
    }

    /// <summary>The value after <paramref name="name"/>, as <c>--role CityAdmin</c> or <c>--role=CityAdmin</c>.</summary>
    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Equals(name, StringComparison.OrdinalIgnoreCase))
                return i + 1 < args.Count ? args[i + 1] : null;
            if (args[i].StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
                return args[i][(name.Length + 1)..];
        }
        return null;
    }

    private static int Refuse(TextWriter error, string message)
    {
        error.WriteLine(message);
        return Refused;
    }

    /// <summary>WeChat openids are 28 URL-safe characters; anything of that alphabet and a plausible length is accepted.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex OpenIdPattern();
}
