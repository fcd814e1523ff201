using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Common.Errors;

/// <summary>
/// "At most one" rules are checked twice: by a query before the write, for a clear answer, and by the database (a
/// unique index, a concurrency token or a conditional UPDATE), which alone holds when requests race. When two racing
/// requests both pass the query, the database refuses the second; this turns that refusal into the answer the query
/// would have given it one at a time, so the loser cannot tell it raced.
/// </summary>
public static class RaceLoser
{
    public static async Task SaveOrAnswerAsync(this DbContext db, Func<AppProblem> answerOneAtATime, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsLostRace(e))
        {
            throw answerOneAtATime();
        }
    }

    /// <summary>A unique index or a concurrency token refused the write: another request got there first.</summary>
    public static bool IsLostRace(DbUpdateException e) => e is DbUpdateConcurrencyException || UniqueViolation.IsUniqueViolation(e);
}
