/**
 * A refusal from the backend: its RFC 9457 ProblemDetails turned into an Error. `detail` is Simplified Chinese and
 * ready to show to the user; `code` is stable and meant for program logic; `errors` maps each invalid field to its
 * messages (only for `validation_failed`).
 */
export class ApiError extends Error {
  readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: Readonly<Record<string, string[]>> = {},
    readonly correlationId?: string,
    readonly body?: unknown,
  ) {
    super(`${status} ${code}: ${detail}`);
    // ES2017 output: keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, ApiError.prototype);
  }

  /** The first message for a field, for showing under an input. */
  fieldError(field: string): string | undefined {
    const messages = this.errors[field];
    return messages && messages.length > 0 ? messages[0] : undefined;
  }
}

/** The request never got an answer (no network, timeout, DNS); `detail` is ready to show. */
export class NetworkError extends Error {
  readonly name = 'NetworkError';
  readonly detail = '网络连接失败，请检查网络后重试';

  constructor(readonly errMsg: string) {
    super(errMsg);
    Object.setPrototypeOf(this, NetworkError.prototype);
  }
}

interface ProblemBody {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  errors?: Record<string, string[]>;
  correlationId?: string;
}

const fallbackDetail: Record<number, string> = {
  400: '请求格式不正确',
  401: '请先登录',
  403: '无权执行此操作',
  404: '请求的资源不存在',
  409: '操作与当前状态冲突，请刷新后重试',
  413: '请求内容过大',
  422: '请求无法处理',
  429: '请求过于频繁，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

/** Any non-2xx answer becomes an ApiError, even one that is not a ProblemDetails (a proxy's HTML page, say). */
export function toApiError(status: number, body: unknown, correlationId?: string): ApiError {
  const problem: ProblemBody = body !== null && typeof body === 'object' ? (body as ProblemBody) : {};
  const code = typeof problem.code === 'string' ? problem.code : status >= 500 ? 'internal_error' : `http_${status}`;
  const detail = typeof problem.detail === 'string' && problem.detail !== ''
    ? problem.detail
    : fallbackDetail[status] || '服务器内部错误，请稍后再试';
  const errors = problem.errors && typeof problem.errors === 'object' ? problem.errors : {};
  return new ApiError(status, code, detail, errors, problem.correlationId || correlationId, body);
}
