/**
 * Turns plans and apply reports into text, JSON and Markdown. Renderers only read.
 */
package io.roleform.render;
