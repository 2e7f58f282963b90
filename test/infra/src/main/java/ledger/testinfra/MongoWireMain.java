package ledger.testinfra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts an in-memory MongoDB-wire server (mongo-java-server) on a given host and port.
 *
 * <p>The library's own InMemoryMongoServer main binds a fixed port and reports MongoDB 3.6
 * (wire version 6). Even its newest setting, ServerVersion.MONGO_5_0, reports wire version 8,
 * and the Node `mongodb` driver v7 refuses anything below 9 (MongoDB 4.4). The library uses the
 * version only to answer hello/buildInfo, so we report 4.4 (wire 9): the lowest the driver
 * accepts, which keeps it from sending options of newer servers.
 *
 * <p>Usage: {@code MongoWireMain <host> <port>}; prints {@code MONGO_WIRE_READY <url>} once bound.
 */
public final class MongoWireMain {
    private static final MongoVersion MONGO_4_4 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    private MongoWireMain() {}

    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;

        MongoServer server = new MongoServer(new MemoryBackend().version(MONGO_4_4));
        server.bind(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-shutdown"));

        System.out.println("MONGO_WIRE_READY mongodb://" + host + ":" + port);
        System.out.flush();

        // Netty's event loops are daemon threads; park main so the JVM stays up until killed.
        new CountDownLatch(1).await();
    }
}
