using Renovation.Community.Application.Extensions;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>The embedded simulator's notify address is where the API listens, read from <c>urls</c>.</summary>
public sealed class ApiListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:43123", "http://127.0.0.1:43123")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("https://localhost:7001;http://localhost:5081", "http://localhost:5081")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080")]
    [InlineData("http://+:8081/", "http://127.0.0.1:8081")]
    [InlineData("http://0.0.0.0:8082", "http://127.0.0.1:8082")]
    [InlineData("http://[::]:8083", "http://127.0.0.1:8083")]
    [InlineData("https://localhost:7002", "https://localhost:7002")]
    [InlineData(null, ApiListenAddress.KestrelDefault)]
    [InlineData("", ApiListenAddress.KestrelDefault)]
    public void The_notify_base_is_the_first_http_address_the_API_listens_on(string? urls, string expected) =>
        Assert.Equal(expected, ApiListenAddress.From(urls));
}
