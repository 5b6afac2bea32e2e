"""The Kubernetes settings in deploy/k8s/ pass Dagster's own config checking, and the image builds from the lock;
no cluster is needed."""

import importlib
import re
from pathlib import Path

import dagster as dg
import pytest
import yaml

from tests.end_to_end.building import ROOT

DEPLOY = ROOT / "deploy" / "k8s"
INSTANCE_ENV = {"DAGSTER_PG_HOST": "postgres", "DAGSTER_PG_USER": "dagster", "DAGSTER_PG_PASSWORD": "x",
                "DAGSTER_PG_DB": "dagster", "DAGSTER_COMPUTE_LOGS_BUCKET": "news-store",
                "DAGSTER_COMPUTE_LOGS_PREFIX": "news/compute-logs"}


def check_config(schema: object, value: object) -> None:
    """Dagster's config checking of ``value`` against ``schema`` (through the config of a one-op job, the
    public way to run it); raises ``dg.DagsterInvalidConfigError`` naming what is wrong."""

    @dg.op(config_schema=schema)
    def probe() -> None:
        return None

    @dg.job
    def check() -> None:
        probe()

    dg.validate_run_config(check, {"ops": {"probe": {"config": value}}})


def load_instance_yaml(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The instance settings in ``path``, with the variables they read set."""
    for key, value in INSTANCE_ENV.items():
        monkeypatch.setenv(key, value)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture
def instance_yaml(monkeypatch: pytest.MonkeyPatch) -> dict:
    return load_instance_yaml(DEPLOY / "dagster.yaml", monkeypatch)


def test_the_run_launcher_settings_are_valid_k8s_run_launcher_config(instance_yaml) -> None:
    from dagster_k8s import K8sRunLauncher

    launcher = instance_yaml["run_launcher"]
    assert (launcher["module"], launcher["class"]) == ("dagster_k8s", "K8sRunLauncher")
    check_config(K8sRunLauncher.config_type(), launcher["config"])
    with pytest.raises(dg.DagsterInvalidConfigError, match="job_namspace"):
        check_config(K8sRunLauncher.config_type(), {**launcher["config"], "job_namspace": "typo"})


def test_the_instance_storage_is_postgres_that_every_pod_reaches(instance_yaml) -> None:
    from dagster_postgres import DagsterPostgresStorage

    check_config(DagsterPostgresStorage.config_type(), instance_yaml["storage"]["postgres"])


@pytest.mark.parametrize("path", [DEPLOY / "dagster.yaml", DEPLOY.parent / "dagster.yaml"], ids=["k8s", "dask"])
def test_compute_logs_go_to_the_object_store_with_valid_s3_compute_log_manager_config(path, monkeypatch) -> None:
    from dagster_aws.s3.compute_log_manager import S3ComputeLogManager

    compute_logs = load_instance_yaml(path, monkeypatch)["compute_logs"]
    loaded = getattr(importlib.import_module(compute_logs["module"]), compute_logs["class"])
    assert loaded is S3ComputeLogManager
    config = compute_logs["config"]
    assert config["bucket"] == {"env": "DAGSTER_COMPUTE_LOGS_BUCKET"} and config["prefix"] == {"env": "DAGSTER_COMPUTE_LOGS_PREFIX"}
    check_config(S3ComputeLogManager.config_type(), config)
    with pytest.raises(dg.DagsterInvalidConfigError, match="buckt"):
        check_config(S3ComputeLogManager.config_type(), {**config, "buckt": "typo"})
    monkeypatch.delenv("DAGSTER_COMPUTE_LOGS_BUCKET")
    with pytest.raises(dg.DagsterInvalidConfigError, match="DAGSTER_COMPUTE_LOGS_BUCKET"):
        check_config(S3ComputeLogManager.config_type(), config)


def test_the_executor_settings_are_valid_k8s_job_executor_config() -> None:
    from dagster_k8s import k8s_job_executor

    from pipelines.definitions import build_definitions
    from pipelines.settings import Settings

    config = yaml.safe_load((DEPLOY / "executor.yaml").read_text(encoding="utf-8"))

    @dg.job(executor_def=k8s_job_executor)
    def probe_job() -> None:
        return None

    dg.validate_run_config(probe_job, {"execution": {"config": config}})
    with pytest.raises(dg.DagsterInvalidConfigError):
        dg.validate_run_config(probe_job, {"execution": {"config": {**config, "max_concurrent": "many"}}})
    job = build_definitions(Settings.from_env({"PIPELINES_EXECUTOR": "k8s"})).resolve_job_def("build")
    assert job.executor_def.name == "k8s"
    steps = set(config["per_step_k8s_config"])
    assert steps == {"read_seeds", "warehouse", "release"} and steps <= {n.name for n in job.nodes}, \
        "only the steps that read the articles or write the warehouse mount the data volume"


def test_the_image_installs_the_lock_and_copies_only_what_exists() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in dockerfile and "--no-deps" in dockerfile
    sources = [src for line in re.findall(r"^COPY (.+)$", dockerfile, flags=re.M) for src in line.split()[:-1]]
    missing = [s for s in sources if not list(Path(ROOT).glob(s))]
    assert sources and not missing, missing
    assert "deploy/k8s/dagster.yaml" in dockerfile
