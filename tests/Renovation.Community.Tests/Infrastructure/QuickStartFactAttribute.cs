using Renovation.Community.Application.Data;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// A test of the README's quick-start, which runs on its embedded SQLite database (<c>./data</c>): it runs on the
/// SQLite pass and is reported as skipped, with the reason, on the MariaDB pass, where it would test a set-up no
/// README command makes.
/// </summary>
public sealed class QuickStartFactAttribute : FactAttribute
{
    public QuickStartFactAttribute()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
            Skip = "The quick-start runs on its embedded SQLite database: this runs on the SQLite pass (RC_TEST_DB=Sqlite)";
    }
}
