import { api, events } from './lib/api';

App({
  onLaunch() {
    // One shared events connection for the whole app; pages subscribe with events.on(...).
    if (api.isSignedIn()) events.start().catch((e) => console.warn('live updates unavailable', e));
  },
});
