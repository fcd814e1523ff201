namespace Renovation.Community.Application.Features.Identity;

/// <summary>The openid (and unionid) WeChat returns for a <c>wx.login</c> code. The session key is never kept.</summary>
public sealed record WeChatIdentity(string OpenId, string? UnionId);
