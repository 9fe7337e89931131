package cn.yunying.dicom.rar;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The toolkit runs each association as an {@link Executor} task; in the server those tasks must be the container's
 * Work, so that its thread pools, context propagation and undeploy apply to them.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new RunnableWork(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the server's WorkManager refused a DICOM task: " + e.getMessage(), e);
        }
    }

    /** A task as Work; release is a no-op because the toolkit closes its own sockets when the server is closed. */
    private record RunnableWork(Runnable task) implements Work {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public void release() {
            // the DicomServer closes its associations on deactivation, which ends the task
        }
    }
}
