"""
Starts moto_server with what Capstan's sandbox and tests need from AWS and moto lacks, patched in memory.

Modelled on the AWS API references of CodeDeploy and ECS; everything here is what AWS does, never a special
case for Capstan. Patched (moto 5.2.1 only; another version is refused, as its insides differ):

CodeDeploy
  * dates as epoch seconds, as the JSON protocol sends them (moto sends ISO strings the Java SDK cannot read);
  * BatchGetDeploymentGroups, ContinueDeployment, StopDeployment, ListDeploymentTargets,
    BatchGetDeploymentTargets, GetDeploymentTarget (moto answers 500);
  * an ECS blue/green deployment that moves: each look at it (GetDeployment, BatchGetDeployments) takes
    one step, at most one every `secondsPerStep`: BeforeInstall, Install (the replacement task set made from
    the AppSpec, behind the target group that does not serve production, done when its tasks run),
    AfterInstall, AllowTestTraffic, AfterAllowTestTraffic, the wait for approval when the group's
    deploymentReadyOption says STOP_DEPLOYMENT (status Ready until ContinueDeployment), BeforeAllowTraffic,
    AllowTraffic (the production listener forwarded to the replacement, in the steps of a canary or linear
    configuration), AfterAllowTraffic, then the original task set is deleted (no termination wait);
  * hooks: a hook named in the AppSpec succeeds, unless POST /moto-api/capstan/codedeploy has set its
    function's outcome ({"hookOutcomes": {"function": "Failed"}}); a failed hook fails the deployment
    (HOOK_EXECUTION_FAILURE), and the group's or deployment's auto-rollback sends traffic back;
  * StopDeployment with autoRollbackEnabled sends traffic back to the original task set and deletes the
    replacement; the rollback is recorded as a deployment of its own (creator codeDeployRollback).

ECS
  * a CODE_DEPLOY service gets its first task set (PRIMARY) at CreateService, and UpdateService refuses a new
    task definition for it, as ECS does;
  * deploymentConfiguration is kept (moto drops it at CreateService);
  * for services whose deploymentConfiguration.strategy is BLUE_GREEN, LINEAR or CANARY, UpdateService with a
    new task definition records a service deployment that moves through the lifecycle stages one per look
    (DescribeServiceDeployments), waiting out canary and linear bake times and bakeTimeInMinutes by the wall
    clock; ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions (a revision's task
    definition) and StopServiceDeployment (ROLLBACK sends the service back to the revision it ran). Rolling services
    record none here: for them these calls answer as moto does (404), as before.

Run it as moto_server: python3 capstan_moto.py -H 127.0.0.1 -p PORT
"""
import json
import math
import sys
import threading
import time
import uuid
from datetime import datetime

PINNED_MOTO = "5.2.1"

try:
    import moto
except ImportError:
    sys.exit("Python " + sys.version.split()[0] + " has no moto; install it with: pip install 'moto[server]==" + PINNED_MOTO + "'")
if moto.__version__ != PINNED_MOTO:
    sys.exit("capstan_moto.py patches moto " + PINNED_MOTO + ", and this Python has moto " + moto.__version__
             + "; install the pinned one with: pip install 'moto[server]==" + PINNED_MOTO + "'")

import yaml  # noqa: E402  (moto depends on PyYAML)
from moto.codedeploy import models as cd_models  # noqa: E402
from moto.codedeploy.responses import CodeDeployResponse  # noqa: E402
from moto.core.exceptions import JsonRESTError  # noqa: E402
from moto.ecs import models as ecs_models  # noqa: E402
from moto.ecs.exceptions import InvalidParameterException  # noqa: E402
from moto.ecs.responses import EC2ContainerServiceResponse  # noqa: E402
from moto.elbv2.models import elbv2_backends  # noqa: E402
from moto.moto_api._internal import urls as moto_api_urls  # noqa: E402
from moto.moto_api._internal.models import moto_api_backend  # noqa: E402

LOCK = threading.RLock()
CONTROL = {"hookOutcomes": {}, "secondsPerStep": 0.0}


def epoch(value):
    """An ISO date as moto writes it, a datetime, or a number (as text or not), as epoch seconds."""
    if value is None or isinstance(value, (int, float)):
        return value
    if isinstance(value, datetime):
        return value.timestamp()
    try:
        return float(value)
    except ValueError:
        pass
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()


# ---------------------------------------------------------------- control and reset

def control(request, full_url, headers):
    if request.method == "POST":
        body = json.loads(request.data or b"{}")
        with LOCK:
            CONTROL["hookOutcomes"].update(body.get("hookOutcomes", {}))
            if "secondsPerStep" in body:
                CONTROL["secondsPerStep"] = float(body["secondsPerStep"])
    return 200, {"Content-Type": "application/json"}, json.dumps(CONTROL)


moto_api_urls.url_paths["{0}/moto-api/capstan/codedeploy"] = control
_reset = moto_api_backend.reset


def reset_all():
    with LOCK:
        CONTROL["hookOutcomes"] = {}
        DEPLOYMENTS.clear()
        SERVICE_DEPLOYMENTS.clear()
        SERVICE_REVISIONS.clear()
    _reset()


moto_api_backend.reset = reset_all

# ---------------------------------------------------------------- CodeDeploy: dates

_app_to_dict = cd_models.Application.to_dict


def app_to_dict(self):
    d = _app_to_dict(self)
    d["createTime"] = epoch(d.get("createTime"))
    return d


cd_models.Application.to_dict = app_to_dict

# ---------------------------------------------------------------- CodeDeploy: ECS blue/green deployments

ECS_EVENTS = ["BeforeInstall", "Install", "AfterInstall", "AllowTestTraffic", "AfterAllowTestTraffic",
              "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"]
HOOK_EVENTS = {"BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AfterAllowTraffic"}
DEPLOYMENTS = {}  # deployment id -> Flow


def traffic_steps(config_name):
    """The production traffic percentages a deployment configuration moves through."""
    name = config_name or ""
    if "Canary" in name:
        percent = int("".join(c for c in name.split("Canary")[1].split("Percent")[0] if c.isdigit()) or 10)
        return [percent, 100]
    if "Linear" in name:
        step = int("".join(c for c in name.split("Linear")[1].split("Percent")[0] if c.isdigit()) or 10)
        return list(range(step, 100, step)) + [100]
    return [100]


class Flow:
    """Where one ECS blue/green deployment is: its lifecycle events, its task sets, its traffic."""

    def __init__(self, deployment, backend):
        self.deployment = deployment
        self.backend = backend
        self.region = backend.region_name
        self.account = backend.account_id
        group = deployment.deployment_group
        self.group = group
        service = (group.ecs_services or [{}])[0]
        self.cluster = service.get("clusterName")
        self.service = service.get("serviceName")
        content = (deployment.revision or {}).get("appSpecContent", {}).get("content") or "{}"
        self.appspec = yaml.safe_load(content) or {}
        self.events = [{"lifecycleEventName": name, "status": "Pending"} for name in ECS_EVENTS]
        self.index = 0
        self.waiting_since = None
        self.approved = False
        self.last_step = 0.0
        self.original = None
        self.replacement = None
        self.steps = traffic_steps(deployment.deployment_config_name)
        self.shifted = 0
        self.updated = time.time()

    # -- what the AppSpec and the group say
    def hooks(self):
        hooks = {}
        for entry in self.appspec.get("Hooks", []) or []:
            hooks.update(entry)
        return hooks

    def properties(self):
        resources = self.appspec.get("Resources", []) or [{}]
        first = next(iter(resources[0].values()), {})
        return first.get("Properties", {})

    def pairs(self):
        pairs = (self.group.load_balancer_info or {}).get("targetGroupPairInfoList", [])
        if not pairs:
            raise JsonRESTError("InvalidLoadBalancerInfoException", "The deployment group has no target group pair")
        return pairs[0]

    def ecs(self):
        return ecs_models.ecs_backends[self.account][self.region]

    def elb(self):
        return elbv2_backends[self.account][self.region]

    def service_obj(self):
        return self.ecs()._get_service(self.cluster, self.service)

    def target_group_arn(self, name):
        return self.elb().describe_target_groups(load_balancer_arn=None, target_group_arns=[], names=[name])[0].arn

    def serving_group(self):
        listener_arn = self.pairs()["prodTrafficRoute"]["listenerArns"][0]
        listener = self.elb().describe_listeners(load_balancer_arn=None, listener_arns=[listener_arn])[0]
        action = listener.default_actions[0]
        forward = getattr(action, "data", {})
        if forward.get("TargetGroupArn"):
            return forward["TargetGroupArn"]
        groups = forward.get("ForwardConfig", {}).get("TargetGroups", [])
        return max(groups, key=lambda g: int(g.get("Weight", 1)))["TargetGroupArn"]

    # -- one step per look
    def look(self):
        d = self.deployment
        if d.status in ("Succeeded", "Failed", "Stopped"):
            return
        now = time.time()
        if now - self.last_step < CONTROL["secondsPerStep"]:
            return
        self.last_step = now
        if d.status == "Created":
            d.status = "InProgress"
            d.start_time = now
            self.original = self.primary_set()
            return
        if d.status == "Ready":
            ready = (self.group.blue_green_deployment_configuration or {}).get("deploymentReadyOption", {})
            if not self.approved:
                if now - self.waiting_since > 60 * int(ready.get("waitTimeInMinutes", 0) or 0):
                    self.stop("The deployment timed out while waiting for someone to reroute traffic", True, "TIMEOUT")
                return
            d.status = "InProgress"
        event = self.events[self.index]
        name = event["lifecycleEventName"]
        if event["status"] == "Pending":
            event["status"] = "InProgress"
            event["startTime"] = now
            return
        if name in HOOK_EVENTS:
            function = self.hooks().get(name)
            outcome = CONTROL["hookOutcomes"].get(function, "Succeeded") if function else "Succeeded"
            if outcome == "Failed":
                event["status"] = "Failed"
                event["endTime"] = now
                event["diagnostics"] = {"errorCode": "ScriptFailed", "scriptName": function,
                                        "message": "The " + name + " hook " + function + " reported Failed"}
                self.fail("HOOK_EXECUTION_FAILURE", "The deployment failed because a lifecycle event hook failed: "
                          + name + " (" + function + ") reported Failed.")
                return
        elif name == "Install":
            if not self.install():
                return
        elif name == "AllowTestTraffic":
            self.route_test_traffic()
        elif name == "AllowTraffic":
            if not self.shift_traffic():
                return
        event["status"] = "Succeeded"
        event["endTime"] = now
        self.updated = now
        self.index += 1
        if name == "AfterAllowTestTraffic" and self.waits_for_approval():
            d.status = "Ready"
            self.waiting_since = now
        if self.index == len(self.events):
            self.finish()

    def waits_for_approval(self):
        ready = (self.group.blue_green_deployment_configuration or {}).get("deploymentReadyOption", {})
        return ready.get("actionOnTimeout") == "STOP_DEPLOYMENT" and not self.approved

    def primary_set(self):
        sets = self.service_obj().task_sets
        primary = [s for s in sets if s.status == "PRIMARY"] or sets
        return primary[0] if primary else None

    def install(self):
        if self.replacement is None:
            props = self.properties()
            pair = self.pairs()
            names = [g["name"] for g in pair["targetGroups"]]
            serving = self.serving_group()
            other = [self.target_group_arn(n) for n in names if self.target_group_arn(n) != serving]
            lb = props.get("LoadBalancerInfo", {})
            service = self.service_obj()
            network = props.get("NetworkConfiguration")
            if network and "AwsvpcConfiguration" in network:
                a = network["AwsvpcConfiguration"]
                network = {"awsvpcConfiguration": {"subnets": a.get("Subnets", []), "securityGroups": a.get("SecurityGroups", []),
                                                   "assignPublicIp": a.get("AssignPublicIp", "DISABLED")}}
            self.replacement = self.ecs().create_task_set(
                service.arn, self.cluster, props.get("TaskDefinition"), external_id=self.deployment.deployment_id,
                network_configuration=network or getattr(service, "network_configuration", None),
                load_balancers=[{"targetGroupArn": other[0], "containerName": lb.get("ContainerName"),
                                 "containerPort": int(lb.get("ContainerPort", 0))}],
                launch_type=props.get("LaunchType") or service.launch_type or "FARGATE",
                platform_version=props.get("PlatformVersion"))
            self.replacement.scale = {"value": 100.0, "unit": "PERCENT"}
            return False
        return running(self.ecs(), self.cluster, self.replacement.id) >= math.ceil(self.service_obj().desired_count)

    def route_test_traffic(self):
        route = self.pairs().get("testTrafficRoute", {}).get("listenerArns", [])
        target = self.replacement.load_balancers[0]["targetGroupArn"]
        for arn in route:
            self.elb().modify_listener(arn, actions=[{"Type": "forward", "TargetGroupArn": target}])

    def shift_traffic(self):
        percent = self.steps[min(self.steps.index(self.shifted) + 1 if self.shifted in self.steps else 0, len(self.steps) - 1)]
        self.forward(percent)
        if percent < 100:
            return False
        ecs = self.ecs()
        ecs.update_service_primary_task_set(self.cluster, self.service, self.replacement.task_set_arn)
        return True

    def forward(self, percent):
        self.shifted = percent
        blue = self.original.load_balancers[0]["targetGroupArn"] if self.original else None
        green = self.replacement.load_balancers[0]["targetGroupArn"]
        for arn in self.pairs()["prodTrafficRoute"]["listenerArns"]:
            if blue is None or percent >= 100:
                actions = [{"Type": "forward", "TargetGroupArn": green}]
            elif percent <= 0:
                actions = [{"Type": "forward", "TargetGroupArn": blue}]
            else:
                actions = [{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                    {"TargetGroupArn": blue, "Weight": 100 - percent}, {"TargetGroupArn": green, "Weight": percent}]}}]
            self.elb().modify_listener(arn, actions=actions)

    def finish(self):
        if self.original is not None and self.original is not self.replacement:
            self.ecs().delete_task_set(self.cluster, self.service, self.original.task_set_arn)
        self.deployment.status = "Succeeded"
        self.deployment.complete_time = time.time()
        self.deployment.deployment_overview["Succeeded"] = 1

    def fail(self, code, message):
        d = self.deployment
        d.status = "Failed"
        d.complete_time = time.time()
        d.error_information = {"code": code, "message": message}
        d.deployment_overview["Failed"] = 1
        rollback = d.auto_rollback_configuration or self.group.auto_rollback_configuration or {}
        if rollback.get("enabled") and "DEPLOYMENT_FAILURE" in rollback.get("events", []):
            self.roll_back("Deployment " + d.deployment_id + " failed; CodeDeploy rolled it back automatically.")

    def stop(self, message, roll_back, code="DEPLOYMENT_STOPPED"):
        d = self.deployment
        for event in self.events:
            if event["status"] in ("Pending", "InProgress"):
                event["status"] = "Skipped"
        d.status = "Stopped"
        d.complete_time = time.time()
        d.error_information = {"code": code, "message": message}
        if roll_back:
            self.roll_back("Deployment " + d.deployment_id + " was stopped and rolled back.")

    def roll_back(self, message):
        """Production traffic back to the original task set, the replacement deleted: recorded as a rollback deployment."""
        if self.original is not None:
            if self.replacement is not None:
                self.forward(0)
            self.ecs().update_service_primary_task_set(self.cluster, self.service, self.original.task_set_arn)
        if self.replacement is not None and self.replacement in self.service_obj().task_sets:
            self.ecs().delete_task_set(self.cluster, self.service, self.replacement.task_set_arn)
        d = self.deployment
        previous = (self.original.task_definition if self.original else None)
        rollback_id = _create_deployment(self.backend, d.application_name, d.deployment_group_name, d.revision)
        rollback = self.backend.deployments[rollback_id]
        rollback.creator = "codeDeployRollback"
        rollback.status = "Succeeded"
        rollback.start_time = rollback.complete_time = time.time()
        rollback.description = "Rollback of " + d.deployment_id + (" to " + previous if previous else "")
        d.rollback_info = {"rollbackDeploymentId": rollback_id, "rollbackMessage": message}

    def target(self):
        service = self.service_obj()
        sets = []
        for ts, label in ((self.original, "BLUE"), (self.replacement, "GREEN")):
            if ts is None:
                continue
            live = ts in service.task_sets
            weight = (100 - self.shifted) if label == "BLUE" else self.shifted
            sets.append({"identifer": ts.id, "desiredCount": math.ceil(service.desired_count) if live else 0,
                         "pendingCount": 0, "runningCount": running(self.ecs(), self.cluster, ts.id) if live else 0,
                         "status": ts.status if live else "DRAINED", "trafficWeight": float(weight),
                         "targetGroup": {"name": target_group_name(self.elb(), ts.load_balancers[0]["targetGroupArn"])},
                         "taskSetLabel": label})
        status = {"Created": "Pending", "Ready": "Ready"}.get(self.deployment.status, self.deployment.status)
        return {"deploymentTargetType": "ECSTarget", "ecsTarget": {
            "deploymentId": self.deployment.deployment_id, "targetId": self.cluster + ":" + self.service,
            "targetArn": service.arn, "lastUpdatedAt": self.updated, "status": status,
            "lifecycleEvents": [dict(e) for e in self.events], "taskSetsInfo": sets}}


def running(ecs, cluster, started_by):
    tasks = ecs.tasks.get(cluster, {}).values()
    return sum(1 for t in tasks if t.started_by == started_by and t.desired_status == "RUNNING" and t.last_status == "RUNNING")


def target_group_name(elb, arn):
    return elb.describe_target_groups(load_balancer_arn=None, target_group_arns=[arn], names=[])[0].name


_deployment_to_dict = cd_models.DeploymentInfo.to_dict


def deployment_to_dict(self):
    d = _deployment_to_dict(self)
    for key in ("createTime", "startTime", "completeTime"):
        d[key] = epoch(d.get(key))
    d["errorInformation"] = getattr(self, "error_information", {})
    d["rollbackInfo"] = getattr(self, "rollback_info", {})
    return {k: v for k, v in d.items() if v is not None}


cd_models.DeploymentInfo.to_dict = deployment_to_dict
_create_deployment = cd_models.CodeDeployBackend.create_deployment


def create_deployment(self, application_name, deployment_group_name, revision, *args, **kwargs):
    with LOCK:
        deployment_id = _create_deployment(self, application_name, deployment_group_name, revision, *args, **kwargs)
        deployment = self.deployments[deployment_id]
        if self.applications[application_name].compute_platform == "ECS":
            group = deployment.deployment_group
            for other in DEPLOYMENTS.values():
                if other.group is group and other.deployment.status in ("Created", "InProgress", "Ready"):
                    del self.deployments[deployment_id]
                    raise JsonRESTError("DeploymentLimitExceededException", "The deployment group " + deployment_group_name
                                        + " already has an active deployment (" + other.deployment.deployment_id + ")")
            DEPLOYMENTS[deployment_id] = Flow(deployment, self)
        return deployment_id


cd_models.CodeDeployBackend.create_deployment = create_deployment
_get_deployment = cd_models.CodeDeployBackend.get_deployment


def get_deployment(self, deployment_id):
    with LOCK:
        deployment = _get_deployment(self, deployment_id)
        flow = DEPLOYMENTS.get(deployment_id)
        if flow is not None:
            flow.look()
        return deployment


cd_models.CodeDeployBackend.get_deployment = get_deployment
_batch_get_deployments = cd_models.CodeDeployBackend.batch_get_deployments


def batch_get_deployments(self, deployment_ids):
    with LOCK:
        for deployment_id in deployment_ids:
            if deployment_id in DEPLOYMENTS:
                DEPLOYMENTS[deployment_id].look()
        return _batch_get_deployments(self, deployment_ids)


cd_models.CodeDeployBackend.batch_get_deployments = batch_get_deployments


def flow_of(backend, deployment_id):
    backend.deployments.get(deployment_id) or _get_deployment(backend, deployment_id)
    flow = DEPLOYMENTS.get(deployment_id)
    if flow is None:
        raise JsonRESTError("DeploymentTargetDoesNotExistException", "Deployment " + deployment_id + " has no ECS target")
    return flow


def r_batch_get_deployment_groups(self):
    app = self._get_param("applicationName")
    groups = [self.codedeploy_backend.get_deployment_group(app, name).to_dict() for name in self._get_param("deploymentGroupNames") or []]
    return json.dumps({"deploymentGroupsInfo": groups, "errorMessage": ""})


def r_continue_deployment(self):
    with LOCK:
        flow = flow_of(self.codedeploy_backend, self._get_param("deploymentId"))
        if flow.deployment.status != "Ready":
            raise JsonRESTError("DeploymentIsNotInReadyStateException", "The deployment " + flow.deployment.deployment_id
                                + " is not waiting to reroute traffic (status " + flow.deployment.status + ")")
        flow.approved = True
        return "{}"


def r_stop_deployment(self):
    with LOCK:
        flow = flow_of(self.codedeploy_backend, self._get_param("deploymentId"))
        if flow.deployment.status in ("Succeeded", "Failed", "Stopped"):
            raise JsonRESTError("DeploymentAlreadyCompletedException", "The deployment " + flow.deployment.deployment_id
                                + " has already completed (" + flow.deployment.status + ")")
        flow.stop("The deployment was stopped by a user", bool(self._get_param("autoRollbackEnabled")))
        return json.dumps({"status": "Succeeded", "statusMessage": "The deployment was stopped"})


def r_list_deployment_targets(self):
    with LOCK:
        flow = flow_of(self.codedeploy_backend, self._get_param("deploymentId"))
        return json.dumps({"targetIds": [flow.cluster + ":" + flow.service]})


def r_batch_get_deployment_targets(self):
    with LOCK:
        flow = flow_of(self.codedeploy_backend, self._get_param("deploymentId"))
        wanted = self._get_param("targetIds") or []
        target = flow.target()
        return json.dumps({"deploymentTargets": [target] if target["ecsTarget"]["targetId"] in wanted else []})


def r_get_deployment_target(self):
    with LOCK:
        flow = flow_of(self.codedeploy_backend, self._get_param("deploymentId"))
        return json.dumps({"deploymentTarget": flow.target()})


for name, fn in {"batch_get_deployment_groups": r_batch_get_deployment_groups, "continue_deployment": r_continue_deployment,
                 "stop_deployment": r_stop_deployment, "list_deployment_targets": r_list_deployment_targets,
                 "batch_get_deployment_targets": r_batch_get_deployment_targets, "get_deployment_target": r_get_deployment_target}.items():
    setattr(CodeDeployResponse, name, fn)

# ---------------------------------------------------------------- ECS: CODE_DEPLOY services, deployment configuration

_create_service = ecs_models.EC2ContainerServiceBackend.create_service


def create_service(self, cluster_str, service_name, desired_count, task_definition_str=None, load_balancers=None, *args, **kwargs):
    service = _create_service(self, cluster_str, service_name, desired_count, task_definition_str, load_balancers, *args, **kwargs)
    if service.deployment_controller.get("type") == "CODE_DEPLOY" and task_definition_str:
        first = self.create_task_set(service.arn, cluster_str, task_definition_str, external_id=None,
                                     network_configuration=service.network_configuration, load_balancers=load_balancers,
                                     launch_type=service.launch_type, platform_version=service.platform_version)
        first.status = "PRIMARY"
        service.task_definition = first.task_definition
    return service


ecs_models.EC2ContainerServiceBackend.create_service = create_service
_r_create_service = EC2ContainerServiceResponse.create_service


def r_create_service(self):
    result = _r_create_service(self)
    configuration = self._get_param("deploymentConfiguration")
    if configuration:
        cluster = self._get_param("cluster", "default")
        self.ecs_backend._get_service(cluster, self._get_param("serviceName")).deployment_configuration = configuration
    return result


EC2ContainerServiceResponse.create_service = r_create_service
_update_service = ecs_models.EC2ContainerServiceBackend.update_service
STRATEGIES = ("BLUE_GREEN", "LINEAR", "CANARY")
SERVICE_DEPLOYMENTS = {}  # service deployment ARN -> ServiceDeployment


def update_service(self, props):
    with LOCK:
        cluster = props.get("cluster", "default")
        service = self._get_service(cluster, props.get("service").split("/")[-1])
        new_definition = props.get("task_definition")
        if new_definition and service.deployment_controller.get("type") == "CODE_DEPLOY":
            if self.describe_task_definition(new_definition).arn != service.task_definition:
                raise InvalidParameterException("Unable to update task definition on services with a CODE_DEPLOY deployment "
                                                "controller. Use AWS CodeDeploy to trigger a new deployment.")
        before = service.task_definition
        updated = _update_service(self, props)
        strategy = (getattr(updated, "deployment_configuration", None) or {}).get("strategy", "ROLLING")
        if new_definition and strategy in STRATEGIES and updated.task_definition != before:
            for other in SERVICE_DEPLOYMENTS.values():
                if other.service is updated and other.status == "IN_PROGRESS":
                    other.finish("STOPPED", "A newer deployment of the service replaced it")
            deployment = ServiceDeployment(self, updated, before, strategy)
            SERVICE_DEPLOYMENTS[deployment.arn] = deployment
        return updated


ecs_models.EC2ContainerServiceBackend.update_service = update_service

STAGES = ["RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
          "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"]


SERVICE_REVISIONS = {}  # service revision ARN -> (service, task definition, created)


def revision(base, service, task_definition):
    """A service revision: what ECS records of a service's configuration at each deployment (here, its task definition)."""
    arn = base + "service-revision/" + service.cluster_name + "/" + service.name + "/" + uuid.uuid4().hex[:20]
    SERVICE_REVISIONS[arn] = (service, task_definition, time.time())
    return arn


class ServiceDeployment:
    """An ECS blue/green, linear or canary deployment: one lifecycle stage per look, bake times by the wall clock."""

    def __init__(self, backend, service, source, strategy):
        self.backend = backend
        self.service = service
        self.source = source
        self.target = service.task_definition
        self.strategy = strategy
        self.configuration = dict(service.deployment_configuration)
        ident = uuid.uuid4().hex[:20]
        base = "arn:aws:ecs:" + backend.region_name + ":" + backend.account_id + ":"
        self.arn = base + "service-deployment/" + service.cluster_name + "/" + service.name + "/" + ident
        self.source_revision = revision(base, service, source)
        self.target_revision = revision(base, service, service.task_definition)
        self.created = self.updated = time.time()
        self.status = "PENDING"
        self.stage = None
        self.shift_step = 0
        self.finished = None
        self.stopped = None
        self.reason = None
        self.rollback = None

    def minutes(self, key, inner=None):
        holder = self.configuration.get(inner, {}) if inner else self.configuration
        return float(holder.get(key, 0) or 0)

    def look(self):
        now = time.time()
        if self.status == "PENDING":
            self.status, self.stage, self.updated = "IN_PROGRESS", STAGES[0], now
            return
        if self.status == "ROLLBACK_REQUESTED":
            self.status, self.updated = "ROLLBACK_IN_PROGRESS", now
            return
        if self.status == "ROLLBACK_IN_PROGRESS":
            self.finish("ROLLBACK_SUCCESSFUL", "The deployment was rolled back to the revision the service ran before")
            return
        if self.status != "IN_PROGRESS":
            return
        if self.stage == "PRODUCTION_TRAFFIC_SHIFT" and not self.shifted(now):
            return
        if self.stage == "BAKE_TIME" and now - self.updated < 60 * self.minutes("bakeTimeInMinutes"):
            return
        position = STAGES.index(self.stage)
        if position + 1 == len(STAGES):
            self.finish("SUCCESSFUL", None)
            return
        self.stage, self.updated, self.shift_step = STAGES[position + 1], now, 0

    def shifted(self, now):
        """Whether production traffic has all moved: a canary's first step and a linear's each wait their bake time."""
        if self.strategy == "CANARY":
            steps, bake = 2, self.minutes("canaryBakeTimeInMinutes", "canaryConfiguration")
        elif self.strategy == "LINEAR":
            step = self.minutes("stepPercent", "linearConfiguration") or 10
            steps, bake = int(math.ceil(100 / step)), self.minutes("stepBakeTimeInMinutes", "linearConfiguration")
        else:
            return True
        if self.shift_step == 0 or now - self.updated >= 60 * bake:
            self.shift_step += 1
            self.updated = now
        return self.shift_step > steps

    def finish(self, status, reason):
        self.status = status
        self.reason = reason
        self.finished = self.updated = time.time()

    def stop(self, stop_type):
        if self.status not in ("PENDING", "IN_PROGRESS"):
            raise JsonRESTError("ConflictException", "The service deployment is " + self.status + " and cannot be stopped")
        if stop_type == "ROLLBACK":
            self.status = "ROLLBACK_REQUESTED"
            self.stopped = self.updated = time.time()
            self.rollback = {"reason": "A user stopped the deployment and asked for a rollback", "startedAt": self.stopped,
                             "serviceRevisionArn": self.source_revision}
            self.service.task_definition = self.source
        else:
            self.finish("STOPPED", "A user stopped the deployment")

    def brief(self):
        return {"serviceDeploymentArn": self.arn, "serviceArn": self.service.arn, "clusterArn": self.service.cluster_arn,
                "startedAt": self.created, "createdAt": self.created, "finishedAt": self.finished,
                "targetServiceRevisionArn": self.target_revision, "status": self.status, "statusReason": self.reason}

    def describe(self):
        d = {"serviceDeploymentArn": self.arn, "serviceArn": self.service.arn, "clusterArn": self.service.cluster_arn,
             "createdAt": self.created, "startedAt": self.created, "finishedAt": self.finished, "stoppedAt": self.stopped,
             "updatedAt": self.updated, "status": self.status, "statusReason": self.reason, "lifecycleStage": self.stage,
             "sourceServiceRevisions": [{"arn": self.source_revision, "requestedTaskCount": 0, "runningTaskCount": 0, "pendingTaskCount": 0}],
             "targetServiceRevision": {"arn": self.target_revision, "requestedTaskCount": self.service.desired_count,
                                       "runningTaskCount": 0, "pendingTaskCount": 0},
             "deploymentConfiguration": self.configuration, "rollback": self.rollback}
        return {k: v for k, v in d.items() if v is not None}


def r_list_service_deployments(self):
    with LOCK:
        cluster = self._get_param("cluster", "default")
        service = self.ecs_backend._get_service(cluster, self._get_param("service").split("/")[-1])
        strategy = (getattr(service, "deployment_configuration", None) or {}).get("strategy", "ROLLING")
        if strategy not in STRATEGIES:
            # Rolling services record none here: answer as moto does for an operation it has not got.
            return 404, {}, ""
        statuses = self._get_param("status") or []
        # moto hands a timestamp parameter over as a datetime, a number or a string, depending on the protocol's parser.
        after = epoch((self._get_param("createdAt") or {}).get("after"))
        mine = [d for d in SERVICE_DEPLOYMENTS.values() if d.service is service and (not statuses or d.status in statuses)
                and (after is None or d.created >= after)]
        mine.sort(key=lambda d: d.created, reverse=True)
        return json.dumps({"serviceDeployments": [d.brief() for d in mine]})


def r_describe_service_deployments(self):
    with LOCK:
        found, failures = [], []
        for arn in self._get_param("serviceDeploymentArns") or []:
            deployment = SERVICE_DEPLOYMENTS.get(arn)
            if deployment is None:
                failures.append({"arn": arn, "reason": "MISSING"})
                continue
            deployment.look()
            found.append(deployment.describe())
        return json.dumps({"serviceDeployments": found, "failures": failures})


def r_stop_service_deployment(self):
    with LOCK:
        arn = self._get_param("serviceDeploymentArn")
        deployment = SERVICE_DEPLOYMENTS.get(arn)
        if deployment is None:
            raise JsonRESTError("ServiceDeploymentNotFoundException", "The service deployment " + arn + " does not exist")
        deployment.stop(self._get_param("stopType") or "ROLLBACK")
        return json.dumps({"serviceDeploymentArn": arn})


def r_describe_service_revisions(self):
    with LOCK:
        found, failures = [], []
        for arn in self._get_param("serviceRevisionArns") or []:
            if arn not in SERVICE_REVISIONS:
                failures.append({"arn": arn, "reason": "MISSING"})
                continue
            service, task_definition, created = SERVICE_REVISIONS[arn]
            found.append({"serviceRevisionArn": arn, "serviceArn": service.arn, "clusterArn": service.cluster_arn,
                          "taskDefinition": task_definition, "launchType": service.launch_type, "createdAt": created})
        return json.dumps({"serviceRevisions": found, "failures": failures})


for name, fn in {"describe_service_revisions": r_describe_service_revisions, "list_service_deployments": r_list_service_deployments, "describe_service_deployments": r_describe_service_deployments,
                 "stop_service_deployment": r_stop_service_deployment}.items():
    setattr(EC2ContainerServiceResponse, name, fn)

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
