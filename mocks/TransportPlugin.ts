import type { FastifyInstance } from 'fastify';
import type { InputIssue } from '../scenarios/inputError.js';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import type { ChannelName } from '../sim/channels/index.js';
import type { ModelClock } from '../sim/engine/ModelClock.js';
import type { ChannelFaults } from './ChannelFaults.js';
import type { FaultOptions } from './faults.js';
import type { ModelService } from './ModelService.js';

/** What buildMocks hands a channel's transport: its scope of the app, the one model run and the shared settings. */
export interface TransportContext<Options> {
  /** The transport's own encapsulated scope of the app: its hooks apply to its routes only. */
  readonly app: FastifyInstance;
  readonly model: ModelService;
  readonly clock: ModelClock;
  /** The mocks' options; the transport reads its own fields (checked by its checkOptions). */
  readonly options: Options;
  /** Seed of the mocks. */
  readonly seed: number | string;
  /**
   * The channel's faults. buildMocks already applies them to every HTTP route of the transport; a
   * transport with `faultsOnFrames` applies them to its frames itself.
   */
  readonly faults: ChannelFaults;
  /** Retry-After of every 503, seconds. */
  readonly retryAfterS: number;
  /** True when the model clock starts with the first contact of any channel (clockStart 'firstCall'). */
  readonly clockStartsAtFirstContact: boolean;
  /** Starts the model clock at a transport's first contact when it starts so; a no-op otherwise. */
  readonly firstContact: () => void;
  /** Reports a contact's final outcome to the mocks' owner (MocksOptions.onContactEnd), if it listens. */
  readonly contactEnded: (result: unknown) => void;
}

/** A channel's transport as built for one app: its service, and its parts of the status routes. */
export interface Transport<Service> {
  readonly service: Service;
  /** One line per route it serves, for the `hotline mocks` banner. */
  readonly routes: readonly string[];
  /** Its part of GET /v1/state, merged into the snapshot (properties declared in stateProperties). */
  state(): Record<string, unknown>;
  /** Its lines of GET /metrics (Prometheus text exposition format 0.0.4). */
  metricLines(): string[];
}

/**
 * A channel's transport in the mocks (mocks/<channel>/): routes over the shared ModelService, its part
 * of /v1/state and /metrics and its options; its faults are the mocks' (buildMocks builds them per channel). buildMocks iterates the list in transports.ts and
 * builds a transport for each channel the scenario has, so the app factory names no channel.
 */
export interface TransportPlugin<Name extends ChannelName, Options extends object, Service> {
  readonly channel: Name;
  /** JSON Schema properties of its part of /v1/state (absent when the scenario lacks the channel). */
  readonly stateProperties: Readonly<Record<string, object>>;
  /**
   * Checks its own options into `issues`. Called for every transport, whether the scenario has the
   * channel or not: a bad flag is bad input either way.
   */
  checkOptions(options: Options, issues: InputIssue[]): void;
  /** The channel's faults from the scenario file, if its fragment has them (the flags override each). */
  scenarioFaults?(scenario: ScenarioModel): FaultOptions | undefined;
  /**
   * True when the transport applies its faults to frames itself (chat's WebSocket: delayed and
   * error frames); otherwise buildMocks applies them to every HTTP route it registers.
   */
  readonly faultsOnFrames?: true;
  /** Builds the service over the model run and registers its routes and hooks on the app. */
  build(context: TransportContext<Options>): Transport<Service>;
}
