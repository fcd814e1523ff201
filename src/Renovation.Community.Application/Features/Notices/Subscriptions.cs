namespace Renovation.Community.Application.Features.Notices;

/// <summary>What <c>wx.requestSubscribeMessage</c> answered for one template.</summary>
public enum ConsentResult
{
    Accept = 0,
    Reject = 1,
    Ban = 2,
}

public enum DeliveryState
{
    Pending = 0,
    /// <summary>Claimed and handed to WeChat; a crash here leaves it so (never sent twice, at most once).</summary>
    Sending = 1,
    Sent = 2,
    /// <summary>No consent left here, or WeChat answered 43101.</summary>
    NoConsent = 3,
    Failed = 4,
}
