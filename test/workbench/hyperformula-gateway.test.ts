import { describeGatewayContract } from "../excel/gateway-contract";
import { HYPERFORMULA } from "../support/gateway-harnesses";

/** The workbench's gateway keeps the WorkbookGateway contract; its calculation is tested in hyperformula-gateway.built.test.ts. */
describeGatewayContract(HYPERFORMULA);
