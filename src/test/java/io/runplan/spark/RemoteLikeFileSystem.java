package io.runplan.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.net.URI;

/**
 * A Hadoop file system under the scheme {@code remote:} that keeps its files on this disk: to Spark and to runplan it
 * is a file system like HDFS or S3 (not {@code file:}), so the job takes the path it takes there: plans copied to a
 * scratch folder to be read, solved plans and the summary written through Hadoop's streams and renamed into place.
 * Registered with {@code fs.remote.impl}.
 */
public class RemoteLikeFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "remote";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    // The local file system reads a file's permissions from its path as a java.io.File, which needs file:.

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return withoutPermissions(super.getFileStatus(path));
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        FileStatus[] listed = super.listStatus(path);
        FileStatus[] plain = new FileStatus[listed.length];
        for (int i = 0; i < listed.length; i++) {
            plain[i] = withoutPermissions(listed[i]);
        }
        return plain;
    }

    private static FileStatus withoutPermissions(FileStatus status) {
        return new FileStatus(status.getLen(), status.isDirectory(), 1, status.getBlockSize(),
                status.getModificationTime(), status.getPath());
    }
}
