using System.Net;
using System.Text.Json;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// Fires N identical requests truly at once and checks that an "at most one" rule held: exactly one request won,
/// every other got the answer it would get one at a time, and the effect (rows, events, files…) happened once.
/// <para>How to use it for a new endpoint (money included):</para>
/// <code>
/// var answers = await Race.Run(5, () =&gt; client.PostAsync(url, Body()));          // build a fresh request per call
/// answers.ExactlyOne(HttpStatusCode.Created).OthersAre(HttpStatusCode.Conflict, "already_paid");
/// // or, measuring the effect too:
/// await Race.ExactlyOneEffect(api, 5, () =&gt; client.PostAsync(url, Body()),
///     db =&gt; db.Payments.CountAsync(p =&gt; p.OrderId == id), HttpStatusCode.Created, HttpStatusCode.Conflict, "already_paid");
/// </code>
/// Every request is created and waiting before any leaves: each task waits at one gate that opens when all of them
/// stand at it, so the requests reach the server within a millisecond or so of one another (on MariaDB they overlap
/// inside the database; SQLite serialises writers, which still interleaves the reads before each write).
/// </summary>
public static class Race
{
    public const int DefaultRacers = 5;

    public static async Task<RaceAnswers> Run(int racers, Func<Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var standing = 0;
        var tasks = Enumerable.Range(0, racers).Select(_ => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref standing) == racers)
                gate.SetResult();
            await gate.Task;
            var response = await send();
            return await RaceAnswer.Read(response);
        })).ToArray();
        return new RaceAnswers(await Task.WhenAll(tasks));
    }

    /// <summary>
    /// Runs the race and asserts the whole rule: one winner with <paramref name="winner"/>, the rest
    /// <paramref name="loser"/> with <paramref name="loserCode"/> (or the winner's status when losers are answered
    /// the same, as idempotent retries are), and <paramref name="effect"/> grew by exactly one.
    /// </summary>
    public static async Task<RaceAnswers> ExactlyOneEffect(ApiFactory api, int racers, Func<Task<HttpResponseMessage>> send,
        Func<Renovation.Community.Application.Data.AppDbContext, Task<int>> effect, HttpStatusCode winner, HttpStatusCode loser,
        string? loserCode)
    {
        var before = await api.WithDb(effect);
        var answers = await Run(racers, send);
        answers.ExactlyOne(winner).OthersAre(loser, loserCode);
        Assert.Equal(before + 1, await api.WithDb(effect));
        return answers;
    }
}

public sealed record RaceAnswer(HttpStatusCode Status, string? Code, string Body)
{
    public static async Task<RaceAnswer> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            code = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return new RaceAnswer(response.StatusCode, code, body);
    }

    public T As<T>() => JsonSerializer.Deserialize<T>(Body, Json.Options)!;

    public override string ToString() => $"{(int)Status} {Code ?? Body[..Math.Min(Body.Length, 120)]}";
}

public sealed class RaceAnswers(IReadOnlyList<RaceAnswer> answers)
{
    private RaceAnswer? _winner;

    public IReadOnlyList<RaceAnswer> All => answers;
    public RaceAnswer Winner => _winner ?? throw new InvalidOperationException("Call ExactlyOne first");

    public RaceAnswers ExactlyOne(HttpStatusCode status)
    {
        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"a racer got {a}"));
        var winners = answers.Where(a => a.Status == status).ToList();
        Assert.True(winners.Count == 1, $"expected exactly one {(int)status}, got: {string.Join("; ", answers)}");
        _winner = winners[0];
        return this;
    }

    /// <summary>Every racer but the winner got this answer (a null code accepts any success body).</summary>
    public RaceAnswers OthersAre(HttpStatusCode status, string? code)
    {
        var others = answers.Where(a => !ReferenceEquals(a, Winner)).ToList();
        Assert.All(others, a => Assert.True(a.Status == status && (code is null || a.Code == code),
            $"expected the others {(int)status} {code}, got: {string.Join("; ", answers)}"));
        return this;
    }
}
