import { db } from "../../db/client";
import { describeSearchEngineBehaviour } from "./engine.behaviour";
import { createPostgresEngine } from "./postgres";

describeSearchEngineBehaviour("postgres", async () => createPostgresEngine(db));
