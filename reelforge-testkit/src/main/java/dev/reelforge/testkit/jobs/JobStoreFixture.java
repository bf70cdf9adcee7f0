package dev.reelforge.testkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the job store contracts share: the stores under test on a settable clock, a queue and an
 * owner of each test's own (so implementations may share one database between tests), and helpers
 * that plan, submit and claim.
 */
public abstract class JobStoreFixture {

  private static final AtomicInteger QUEUES = new AtomicInteger();
  protected static final Duration LEASE = Duration.ofSeconds(30);

  protected final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  protected final UUID owner = UUID.randomUUID();
  protected RunStore runs;
  protected TaskQueue queue;
  protected CreditGrants credits;
  protected String q;

  /** Gives an owner credits, as an admin's grant does. */
  @FunctionalInterface
  public interface CreditGrants {
    void grant(UUID ownerId, long amount);
  }

  /** The stores under test, bound to one clock and sharing one state. */
  public record Stores(RunStore runs, TaskQueue queue, CreditGrants credits) {}

  protected abstract Stores createStores(MutableClock clock);

  @BeforeEach
  void setUpStores() {
    Stores stores = createStores(clock);
    runs = stores.runs();
    queue = stores.queue();
    credits = stores.credits();
    q = "contract-" + QUEUES.incrementAndGet();
  }

  protected List<ClaimedTask> claim(int limit) {
    return queue.claim(new ClaimRequest("worker", Set.of(q), Set.of("cpu"), limit, LEASE));
  }

  protected ClaimedTask claimOne() {
    List<ClaimedTask> claimed = claim(1);
    assertThat(claimed).as("a task is ready").hasSize(1);
    return claimed.getFirst();
  }

  protected RunRecord submit(StageDefinition... stages) {
    return submit(0, stages);
  }

  protected RunRecord submit(int priority, StageDefinition... stages) {
    return runs.submit(plan(priority, Optional.empty(), stages)).run();
  }

  protected NewRun plan(int priority, Optional<String> key, StageDefinition... stages) {
    return plan(owner, "contract", priority, key, 0, stages);
  }

  protected NewRun plan(
      UUID ownerId,
      String kind,
      int priority,
      Optional<String> key,
      long cost,
      StageDefinition... stages) {
    List<NewRun.NewTask> tasks = new ArrayList<>();
    for (StageDefinition stage : stages) {
      tasks.add(NewRun.NewTask.of(Ids.newId(clock), stage));
    }
    return new NewRun(
        Ids.newId(clock), ownerId, kind, "{\"topic\":\"tides\"}", priority, key, tasks, cost);
  }

  /** UUIDs in the order PostgreSQL sorts them: as unsigned numbers. */
  protected static int unsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /**
   * JSON text without the white space outside strings: PostgreSQL hands {@code jsonb} back
   * reformatted, other stores as given, and the contract holds for both.
   */
  protected static String compact(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
        inString = c == '"';
      }
    }
    return out.toString();
  }
}
