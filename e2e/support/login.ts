import type { Page } from 'playwright-core';

/** The password of every demo account (`yonggong start` on an empty database). */
export const DEMO_PASSWORD = 'yonggong-demo';

/** Demo accounts the journeys use (see server/src/demo/demo-city.ts). */
export type DemoUser =
  | 'admin'
  | 'analyst'
  | 'officer.wujiang'
  | 'officer.xiangcheng'
  | 'liaison.wujiang'
  | 'enterprise.1'
  | 'agency.1'
  | 'agency.2'
  | 'base.1'
  | 'school.1';

/**
 * Signs in through the login form the way a person does: opens `path` (default the home page),
 * is sent to the login page, types the demo credentials and lands back on `path`.
 */
export async function logIn(page: Page, username: DemoUser, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  // Either the app lets us in or the form says why not; fail at once with its words in the latter case.
  await page.waitForFunction(
    () => window.location.pathname !== '/login' || document.querySelector('[data-testid="login-error"]'),
  );
  const loginError = page.getByTestId('login-error');
  if (await loginError.isVisible())
    throw new Error(`${username} could not sign in: the page says "${await loginError.innerText()}"`);
  await page.waitForURL((url) => url.pathname === new URL(path, url).pathname);
}
