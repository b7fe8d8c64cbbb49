package io.roleform.portal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roleform.portal.transport.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpPortalConfigTest {

  private static final String TOKEN = "s3cret-token-value";

  private static HttpPortalConfig config(String url, boolean insecure) {
    return new HttpPortalConfig(
        URI.create(url), TOKEN, insecure, Duration.ofSeconds(5), RetryPolicy.defaults(), null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://portal.example.com", "http://10.0.0.7:8080", "http://[2001:db8::1]/"})
  void plainHttpToANonLoopbackHostIsRefusedWithTheReasonAndTheFlag(String url) {
    assertThatThrownBy(() -> config(url, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in clear")
        .hasMessageContaining("--insecure-http")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void plainHttpToANonLoopbackHostIsAcceptedWithInsecureHttp() {
    assertThat(config("http://portal.example.com", true).insecureHttp()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.8.9.10/", "http://[::1]:9000"})
  void plainHttpToLoopbackIsAccepted(String url) {
    assertThat(config(url, false).portalUrl()).isEqualTo(URI.create(url));
  }

  @Test
  void aNameThatMerelyLooksLocalIsNotLoopback() {
    assertThat(HttpPortalConfig.isLoopback("localhost.evil.example")).isFalse();
    assertThat(HttpPortalConfig.isLoopback("127.0.0.1.nip.io")).isFalse();
    assertThat(HttpPortalConfig.isLoopback("128.0.0.1")).isFalse();
  }

  @Test
  void httpsIsAcceptedAnywhere() {
    assertThat(config("https://portal.example.com/base", false).portalUrl().getPath()).isEqualTo("/base");
  }

  @Test
  void toStringNeverShowsTheToken() {
    assertThat(config("https://portal.example.com", false).toString())
        .doesNotContain(TOKEN)
        .contains("[redacted]")
        .contains("portal.example.com");
  }

  @Test
  void aTokenWithALineBreakIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> new HttpPortalConfig(URI.create("https://p.example"), "abc\ndef", false,
                Duration.ofSeconds(1), RetryPolicy.defaults(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 4")
        .hasMessageNotContaining("abc");
  }

  @Test
  void credentialsInTheUrlAreRefused() {
    assertThatThrownBy(() -> config("https://user:pw@portal.example.com", false))
        .hasMessageContaining("ROLEFORM_TOKEN");
  }
}
