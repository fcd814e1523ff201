import type { RenovationClient } from '../client';
import { ApiError, NetworkError, toApiError } from '../errors';

export interface UploadOptions {
  /** The API path, e.g. `/api/v1/notices/${id}/attachments`. */
  path: string;
  /** A local file path from wx.chooseMedia / wx.chooseMessageFile. */
  filePath: string;
  /** The multipart field name the endpoint reads (the backend's uploads use `file`). */
  name?: string;
  formData?: Record<string, string>;
}

/**
 * `wx.uploadFile` with the access token, one refresh-and-retry on 401, and the same ApiError as other calls.
 * Returns the endpoint's JSON answer.
 */
export async function uploadFile<T = unknown>(client: RenovationClient, options: UploadOptions): Promise<T> {
  const token = await client.accessToken();
  try {
    return await send<T>(client, options, token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !token) throw error;
    const fresh = await client.refresh(token);
    return send<T>(client, options, fresh.accessToken);
  }
}

function send<T>(client: RenovationClient, options: UploadOptions, token: string | null): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    wx.uploadFile({
      url: client.baseUrl + options.path,
      filePath: options.filePath,
      name: options.name || 'file',
      formData: options.formData,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      success: (res) => {
        let body: unknown = res.data;
        try {
          body = res.data ? JSON.parse(res.data) : undefined;
        } catch (e) {
          // not JSON: keep the text
        }
        if (res.statusCode >= 200 && res.statusCode < 300) resolve(body as T);
        else reject(toApiError(res.statusCode, body));
      },
      fail: (err) => reject(new NetworkError(err.errMsg)),
    });
  });
}
