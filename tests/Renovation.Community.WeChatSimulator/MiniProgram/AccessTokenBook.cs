using System.Security.Cryptography;

namespace Renovation.Community.WeChatSimulator.MiniProgram;

/// <summary>
/// Issues access tokens like stable_token in normal mode: the same token until it expires or is revoked,
/// then a new one. Old tokens remember why they stopped working (42001 expired, 40001 revoked).
/// </summary>
internal sealed class AccessTokenBook(SimulatorOptions options, SimulatorCounters counters)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _deadTokens = new(StringComparer.Ordinal);
    private string? _current;
    private DateTimeOffset _currentExpiresAt;

    public (string Token, int ExpiresInSeconds) Issue()
    {
        lock (_gate)
        {
            var now = options.Time.GetUtcNow();
            if (_current is not null && now >= _currentExpiresAt)
            {
                _deadTokens[_current] = 42001;
                _current = null;
            }
            if (_current is null)
            {
                _current = "SIMTOKEN_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
                _currentExpiresAt = now + options.AccessTokenLifetime;
                counters.AccessTokenIssued();
            }
            return (_current, (int)(_currentExpiresAt - now).TotalSeconds);
        }
    }

    /// <summary>0 when the token is good, otherwise the errcode WeChat would give.</summary>
    public int Check(string? token)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(token))
            {
                return 41001; // access_token missing
            }
            if (token == _current)
            {
                return options.Time.GetUtcNow() < _currentExpiresAt ? 0 : 42001;
            }
            return _deadTokens.TryGetValue(token, out var code) ? code : 40014;
        }
    }

    /// <summary>Ends the current token: it answers <paramref name="errCode"/> (42001 expired or 40001 invalid) from now on.</summary>
    public void Kill(int errCode)
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                _deadTokens[_current] = errCode;
                _current = null;
            }
        }
    }

    public string? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }
}
