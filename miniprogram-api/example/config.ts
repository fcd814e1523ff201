/**
 * Where the example finds the backend. The default is the quick-start on this machine (README: `dotnet run --project
 * src/Renovation.Community.Api` listens on port 5080; change the port if you started it with another `--urls`).
 * WeChat DevTools accepts this http:// address only with 详情 → 本地设置 → 不校验合法域名 (project.config.json sets
 * `urlCheck: false` for you); a phone preview needs your machine's LAN address here, and a release build the https
 * origin entered in the mini-program's request and socket domains.
 */
export const config = {
  baseUrl: 'http://127.0.0.1:5080',
  /** The demo user the "演示登录" button signs in as (`devSignIn`, Development backends only). */
  devUser: 'resident-a',
};
