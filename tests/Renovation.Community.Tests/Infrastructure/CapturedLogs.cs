using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>Keeps every formatted log line (with scopes) so tests can prove secrets never reach the logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The errors logged so far, for a failure message that explains a 500.</summary>
    public string Errors() => string.Join('\n', _lines.Where(l => l.StartsWith("Error ") || l.StartsWith("Critical ")));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
