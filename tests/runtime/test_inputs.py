"""The seeds folder's side files reach steps on other machines through the object store."""

from pipelines.runtime import inputs
from tests.publish.servers import s3, s3_server  # noqa: F401  (fixtures: a moto S3 server, a fresh bucket)


def test_side_files_are_uploaded_once_and_copied_back_whole(s3, tmp_path, monkeypatch) -> None:  # noqa: F811
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("an article stays on the build's machine")
    (seeds / "actor_aliases.csv").write_text("name,alias\nUnited Nations,UN\n")
    (seeds / "dataset.yaml").write_text("version: 1.0.0\n")
    (seeds / "outside.csv").symlink_to(tmp_path / "elsewhere.csv")
    (tmp_path / "elsewhere.csv").write_text("never sent")
    url = inputs.upload_inputs(seeds, f"{s3}/storage")
    assert url.startswith(f"{s3}/storage/inputs/")
    assert inputs.upload_inputs(seeds, f"{s3}/storage") == url, "the same files, the same place"
    monkeypatch.setenv("TMPDIR", str(tmp_path / "worker"))
    (tmp_path / "worker").mkdir()
    monkeypatch.setattr(inputs.tempfile, "tempdir", None)  # TMPDIR is read again
    result = inputs.local_copy(url)
    assert result.is_relative_to(tmp_path / "worker")
    assert sorted(p.name for p in result.iterdir()) == ["actor_aliases.csv", "dataset.yaml"]
    assert (result / "actor_aliases.csv").read_text() == (seeds / "actor_aliases.csv").read_text()
    (seeds / "dataset.yaml").write_text("version: 1.0.1\n")
    assert inputs.upload_inputs(seeds, f"{s3}/storage") != url, "changed files go to a new place"
