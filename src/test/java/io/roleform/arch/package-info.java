/** Tests of the code's shape: the direction of imports between stages and where libraries live. */
package io.roleform.arch;
