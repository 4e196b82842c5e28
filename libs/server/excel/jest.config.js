const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-excel', __dirname);
