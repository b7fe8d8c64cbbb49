/** The access report in a real browser: Debian's chromium, headless (test support and the browser test). */
package io.roleform.browser;
