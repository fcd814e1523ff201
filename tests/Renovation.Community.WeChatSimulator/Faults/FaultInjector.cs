namespace Renovation.Community.WeChatSimulator.Faults;

/// <summary>Queues faults per path; each request to a matching path consumes one.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(string PathPrefix, Fault Fault)> _pending = [];

    /// <summary>The next <paramref name="times"/> requests whose path starts with <paramref name="pathPrefix"/> get <paramref name="fault"/>.</summary>
    public void Inject(string pathPrefix, Fault fault, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _pending.Add((pathPrefix, fault));
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal Fault? Take(string path)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => path.StartsWith(p.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }
            var fault = _pending[index].Fault;
            _pending.RemoveAt(index);
            return fault;
        }
    }
}
