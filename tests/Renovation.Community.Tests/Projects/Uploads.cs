using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Renovation.Community.Application.Features.Projects;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Projects;

/// <summary>Small files whose first bytes say what they are (or pretend to be).</summary>
public static class Uploads
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    public static Task<HttpResponseMessage> Send(HttpClient client, Guid projectId, byte[] content, string fileName,
        string claimedType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/projects/{projectId}/files", form);
    }

    public static async Task<ProjectFileView> Upload(HttpClient client, Guid projectId, byte[] content, string fileName) =>
        await (await Send(client, projectId, content, fileName)).ShouldBe<ProjectFileView>(HttpStatusCode.Created);
}
