export { People, signIn, signOut, type SignInOptions } from './auth';
export { expectNoSeriousA11yViolations, formatViolations, type AxeCheckOptions } from './axe';
export { DEMO, DEMO_PASSWORD, runId } from './demo';
export { snap } from './shots';
