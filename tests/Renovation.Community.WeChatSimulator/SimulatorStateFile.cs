using System.Text.Json;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.WeChatSimulator;

/// <summary>
/// Keeps the simulator's port and order book in <see cref="SimulatorOptions.StateDirectory"/> (the quick-start's
/// <c>./data</c>), so a payment started before a restart of the quick-start can still be paid after it. Written after
/// every change, to a temporary file moved over the old one: a killed process leaves the last whole state. Keys are not
/// kept: they are made at each start and handed to the API again.
/// </summary>
internal sealed class SimulatorStateFile(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _writing = new();

    private string FilePath => Path.Combine(directory, "state.json");

    public SavedSimulatorState? Load() =>
        File.Exists(FilePath) ? JsonSerializer.Deserialize<SavedSimulatorState>(File.ReadAllText(FilePath), Json) : null;

    public void Restore(SavedSimulatorState saved, OrderBook book)
    {
        lock (book.Gate)
        {
            foreach (var o in saved.Orders)
            {
                var order = new SimulatedOrder(o.OutTradeNo, o.AppId, o.MchId, o.Description, o.TotalFen, o.OpenId, o.NotifyUrl, o.Attach,
                    o.CreatedAt, o.PrepayId)
                {
                    TradeState = o.TradeState,
                    TransactionId = o.TransactionId,
                    SuccessTime = o.SuccessTime,
                };
                book.AddUnlocked(order);
                foreach (var r in o.Refunds)
                    book.AddRefundUnlocked(new SimulatedRefund(order, r.OutRefundNo, r.RefundFen, r.Reason, r.NotifyUrl, r.CreatedAt, r.RefundId)
                    {
                        Status = r.Status,
                        SuccessTime = r.SuccessTime,
                    });
            }
        }
    }

    public void Save(int port, OrderBook book)
    {
        List<SavedOrder> orders;
        lock (book.Gate)
        {
            orders = book.AllUnlocked.Select(o => new SavedOrder(o.OutTradeNo, o.AppId, o.MchId, o.Description, o.TotalFen, o.OpenId,
                o.NotifyUrl, o.Attach, o.CreatedAt, o.PrepayId, o.TradeState, o.TransactionId, o.SuccessTime,
                o.Refunds.Select(r => new SavedRefund(r.OutRefundNo, r.RefundId, r.RefundFen, r.Reason, r.NotifyUrl, r.CreatedAt, r.Status,
                    r.SuccessTime)).ToList())).ToList();
        }
        lock (_writing)
        {
            // Another process on the same directory (two quick-starts in one folder) must not make a payment fail:
            // each writes its own temporary file, and a state that cannot be written is only a restart's loss.
            var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
            try
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(temporary, JsonSerializer.Serialize(new SavedSimulatorState(port, orders), Json));
                File.Move(temporary, FilePath, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
            }
        }
    }
}
