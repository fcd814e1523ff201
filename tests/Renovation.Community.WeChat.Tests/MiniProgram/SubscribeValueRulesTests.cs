using Renovation.Community.WeChat.MiniProgram.SubscribeMessages;

namespace Renovation.Community.WeChat.Tests.MiniProgram;

public sealed class SubscribeValueRulesTests
{
    [Theory]
    [InlineData("thing1", "二十个字以内的任意文字")]
    [InlineData("number2", "12345678901234567890123456789012")]
    [InlineData("number2", "3.14")]
    [InlineData("letter3", "ABCdef")]
    [InlineData("symbol4", "%$#@!")]
    [InlineData("character_string5", "RC-2026-0001")]
    [InlineData("time6", "15:01")]
    [InlineData("time6", "2026年11月28日 15:01")]
    [InlineData("date7", "2026年11月28日")]
    [InlineData("date7", "2026-11-28 15:01")]
    [InlineData("amount8", "¥100.50")]
    [InlineData("amount8", "100元")]
    [InlineData("phone_number9", "+86-138 0013 8000")]
    [InlineData("car_number10", "粤A12345")]
    [InlineData("name11", "张三丰")]
    [InlineData("name11", "Li Lei")]
    [InlineData("phrase12", "待投票")]
    [InlineData("unknown_keyword1", "passed through untouched")]
    public void Values_within_their_keyword_rule_are_sent_unchanged(string key, string value)
    {
        var applied = SubscribeValueRules.Apply(new Dictionary<string, string> { [key] = value }, SubscribeValuePolicy.Refuse);
        Assert.Equal(value, applied[key]);
    }

    [Theory]
    [InlineData("thing1", "这一段文字一共有二十一个字符所以太长了啊！")]
    [InlineData("number2", "123456789012345678901234567890123")]
    [InlineData("number2", "12a")]
    [InlineData("letter3", "abc1")]
    [InlineData("symbol4", "%%%%%%")]
    [InlineData("character_string5", "中文不行")]
    [InlineData("character_string5", "123456789012345678901234567890123")]
    [InlineData("time6", "下午三点")]
    [InlineData("date7", "28/11/2026")]
    [InlineData("amount8", "一百元")]
    [InlineData("amount8", "¥12345678901")]
    [InlineData("phone_number9", "123456789012345678")]
    [InlineData("car_number10", "粤A123456789")]
    [InlineData("name11", "一二三四五六七八九十一")]
    [InlineData("name11", "张San")]
    [InlineData("phrase12", "六个汉字太长")]
    [InlineData("phrase12", "OK")]
    [InlineData("thing1", "")]
    public void Values_breaking_their_keyword_rule_are_refused(string key, string value)
    {
        var e = Assert.Throws<SubscribeMessageValueException>(() =>
            SubscribeValueRules.Apply(new Dictionary<string, string> { [key] = value }, SubscribeValuePolicy.Refuse));
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void Truncation_counts_characters_not_UTF16_units()
    {
        var value = string.Concat(Enumerable.Repeat("😀", 25));
        var applied = SubscribeValueRules.Apply(new Dictionary<string, string> { ["thing1"] = value }, SubscribeValuePolicy.TruncateText);
        Assert.Equal(20, applied["thing1"].EnumerateRunes().Count());
    }
}
