/**
 * What every cloud adapter is built on: {@link dev.reelforge.providers.http.JsonApiClient} (the
 * endpoint, the key where the vendor wants it, metering) over {@link
 * dev.reelforge.providers.http.ProviderHttp} (timeouts, retries, circuit breaker, concurrency cap),
 * with HTTP statuses mapped onto the error taxonomy by {@link
 * dev.reelforge.providers.http.HttpErrors}; {@link dev.reelforge.providers.http.CloudContext} hands
 * each adapter its own client; {@link dev.reelforge.providers.http.OptionChecks} validates vendor
 * options with errors that name the setting.
 */
package dev.reelforge.providers.http;
